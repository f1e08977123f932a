package dev.burstgitops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.burstgitops.metrics.MetricQueryException.Kind;
import dev.burstgitops.testing.PrometheusCounterSeries;
import dev.burstgitops.testing.PrometheusServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries against the real Prometheus, backfilled with the reference worker traffic. */
class PrometheusMetricsSourceTest {

    private static final String WORKER = "destination_service=\"worker-service.default.svc.cluster.local\"";

    private static PrometheusServer prometheus;
    private static MetricsSource source;

    @BeforeAll
    static void startPrometheus() {
        prometheus = PrometheusServer.start(List.of(
                PrometheusCounterSeries.referenceWorker(20),
                PrometheusCounterSeries.referenceWorker(5).withLabel("source_workload", "batch-deployment")));
        source = new PrometheusMetricsSource(PrometheusEndpoint.of(prometheus.uri(), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stopPrometheus() {
        prometheus.close();
    }

    @Test
    void answersTheReferenceQueryWithTheWorkerRequestRate() throws MetricQueryException {
        Sample sample = source.query(PrometheusServer.REFERENCE_WORKER_QUERY);

        assertThat(sample.hasData()).isTrue();
        assertThat(sample.value()).isCloseTo(20.0, within(0.01));
        assertThat(sample.seriesCount()).isEqualTo(1);
        assertThat(sample.evaluatedAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void aQueryThatMatchesNothingIsNoData() throws MetricQueryException {
        Sample sample = source.query("sum(rate(istio_requests_total{source_workload=\"nobody\"}[15s]))");

        assertThat(sample.hasData()).isFalse();
        assertThat(sample.seriesCount()).isZero();
    }

    @Test
    void sumsSeveralSeriesAndKeepsTheirCount() throws MetricQueryException {
        Sample sample = source.query("sum by (source_workload) (rate(istio_requests_total{" + WORKER + "}[15s]))");

        assertThat(sample.value()).isCloseTo(25.0, within(0.01));
        assertThat(sample.seriesCount()).isEqualTo(2);
    }

    @Test
    void reportsInvalidPromqlAsAnApiErrorWithPrometheusMessage() {
        MetricQueryException failure = failureOf(source, "sum(rate(istio_requests_total[15s])");

        assertThat(failure.kind()).isEqualTo(Kind.API_ERROR);
        assertThat(failure).hasMessageStartingWith(
                        "Prometheus query failed at " + prometheus.uri() + "/api/v1/query: bad_data: ")
                .hasMessageContaining("parse error");
    }

    @Test
    void aRangeVectorIsMalformedBecauseNoThresholdCanBeComparedWithIt() {
        MetricQueryException failure = failureOf(source, "istio_requests_total{" + WORKER + "}[1m]");

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(failure).hasMessageEndingWith("expected an instant vector, got a matrix result");
    }

    @Test
    void aWrongPathPrefixIsAnHttpStatusNamingTheUrlAsked() {
        URI wrongPrefix = prometheus.uri().resolve("/prometheus");
        MetricsSource misconfigured = new PrometheusMetricsSource(PrometheusEndpoint.of(wrongPrefix, Duration.ofSeconds(5)));

        MetricQueryException failure = failureOf(misconfigured, PrometheusServer.REFERENCE_WORKER_QUERY);

        assertThat(failure.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(failure).hasMessage(
                "Prometheus query failed at " + wrongPrefix + "/api/v1/query: HTTP 404 Not Found");
    }

    static MetricQueryException failureOf(MetricsSource source, String promql) {
        MetricQueryException failure = catchThrowableOfType(MetricQueryException.class, () -> source.query(promql));
        assertThat(failure).as("query %s should fail", promql).isNotNull();
        return failure;
    }
}
