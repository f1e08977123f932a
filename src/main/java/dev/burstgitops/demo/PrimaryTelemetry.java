package dev.burstgitops.demo;

/**
 * The {@code istio_requests_total} series the primary cluster's Prometheus scrapes, given where
 * the requests were served. On today's Istio each cluster's Prometheus scrapes that cluster's
 * proxies only (Istio 1.0's Mixer in the primary gathered both), so the primary sees:
 *
 * <ul>
 *   <li>the frontend's proxy reporting every request it sends ({@code reporter="source"}), one
 *       series per cluster that served it, because the frontend runs in the primary;</li>
 *   <li>the primary worker's proxy reporting the requests it served ({@code reporter="destination"}).</li>
 * </ul>
 *
 * The burst worker's destination-reported requests are scraped by the burst cluster's Prometheus
 * and appear nowhere here: the demo does not fake a telemetry the real mesh would not give.
 */
final class PrimaryTelemetry {

    private static final String SOURCE = "istio_requests_total{reporter=\"source\","
            + "source_workload=\"frontend-deployment\",source_app=\"frontend\",source_cluster=\"primary\","
            + "destination_service=\"worker-service.default.svc.cluster.local\","
            + "destination_workload=\"worker-deployment\",destination_cluster=\"%s\"} %d\n";
    private static final String DESTINATION = "istio_requests_total{reporter=\"destination\","
            + "source_workload=\"frontend-deployment\",source_app=\"frontend\",source_cluster=\"primary\","
            + "destination_service=\"worker-service.default.svc.cluster.local\","
            + "destination_workload=\"worker-deployment\",destination_cluster=\"primary\"} %d\n";

    private PrimaryTelemetry() {
    }

    /** The Prometheus text exposition of the counters, requests served by each cluster since the start. */
    static String exposition(long servedByPrimary, long servedByBurst) {
        // Every series from the first scrape on, at 0: a series that appears later would lose its
        // first increments to rate(), which cannot see an increase from a value it never saw.
        return "# HELP istio_requests_total Requests the burst-gitops demo simulated, as the primary's Prometheus"
                + " sees them.\n"
                + "# TYPE istio_requests_total counter\n"
                + SOURCE.formatted("primary", servedByPrimary)
                + SOURCE.formatted("burst", servedByBurst)
                + DESTINATION.formatted(servedByPrimary);
    }
}
