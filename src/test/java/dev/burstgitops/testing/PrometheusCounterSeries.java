package dev.burstgitops.testing;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A counter that grows at a constant rate, so that {@code rate(name[w])} over it is exactly
 * {@code ratePerSecond} at any time the test server holds data for.
 *
 * @param name          the sample name as queried, ending in {@code _total} as OpenMetrics
 *                      requires of counters
 * @param labels        label names to values
 * @param ratePerSecond how much the counter grows each second
 */
public record PrometheusCounterSeries(String name, Map<String, String> labels, double ratePerSecond) {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*_total");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public PrometheusCounterSeries {
        Objects.requireNonNull(name, "name");
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a counter name must be a metric name ending in _total: " + name);
        }
        labels.keySet().stream().filter(label -> !LABEL_NAME.matcher(label).matches() || label.startsWith("__"))
                .findFirst().ifPresent(label -> {
                    throw new IllegalArgumentException("not a label name for a series: " + label);
                });
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("a counter's rate must be finite and not negative: " + ratePerSecond);
        }
        labels = Map.copyOf(new TreeMap<>(labels));
    }

    /**
     * The requests the frontend sends to the worker in the reference setup, as the destination's
     * Istio proxy reports them: what the reference burst query measures.
     */
    public static PrometheusCounterSeries referenceWorker(double requestsPerSecond) {
        return new PrometheusCounterSeries("istio_requests_total", Map.of(
                "reporter", "destination",
                "destination_service", "worker-service.default.svc.cluster.local",
                "source_workload", "frontend-deployment",
                "source_app", "frontend"), requestsPerSecond);
    }

    /** The same series with one label added or replaced. */
    public PrometheusCounterSeries withLabel(String label, String value) {
        Map<String, String> changed = new TreeMap<>(labels);
        changed.put(label, value);
        return new PrometheusCounterSeries(name, changed, ratePerSecond);
    }

    /** The OpenMetrics family name: a counter's samples carry {@code _total}, its family does not. */
    String familyName() {
        return name.substring(0, name.length() - "_total".length());
    }
}
