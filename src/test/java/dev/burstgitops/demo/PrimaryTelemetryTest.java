package dev.burstgitops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrimaryTelemetryTest {

    @Test
    void theFrontendsSourceReportedSeriesCountEveryRequestWhicheverClusterServedIt() {
        assertThat(PrimaryTelemetry.exposition(7, 30).lines().filter(line -> line.contains("reporter=\"source\"")))
                .containsExactly(
                        "istio_requests_total{reporter=\"source\",source_workload=\"frontend-deployment\","
                                + "source_app=\"frontend\",source_cluster=\"primary\","
                                + "destination_service=\"worker-service.default.svc.cluster.local\","
                                + "destination_workload=\"worker-deployment\",destination_cluster=\"primary\"} 7",
                        "istio_requests_total{reporter=\"source\",source_workload=\"frontend-deployment\","
                                + "source_app=\"frontend\",source_cluster=\"primary\","
                                + "destination_service=\"worker-service.default.svc.cluster.local\","
                                + "destination_workload=\"worker-deployment\",destination_cluster=\"burst\"} 30");
    }

    @Test
    void onlyThePrimaryWorkersDestinationReportedRequestsAreSeenNotTheBurstWorkers() {
        assertThat(PrimaryTelemetry.exposition(7, 30).lines().filter(line -> line.contains("reporter=\"destination\"")))
                .singleElement().asString()
                .contains("destination_cluster=\"primary\"")
                .endsWith("} 7");
    }

    @Test
    void everySeriesIsThereFromTheFirstScrapeAtZero() {
        assertThat(PrimaryTelemetry.exposition(0, 0).lines().filter(line -> !line.startsWith("#")))
                .hasSize(3).allSatisfy(line -> assertThat(line).endsWith("} 0"));
        assertThat(PrimaryTelemetry.exposition(0, 0)).contains("# TYPE istio_requests_total counter\n");
    }
}
