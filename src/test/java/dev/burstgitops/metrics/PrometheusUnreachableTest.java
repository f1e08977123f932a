package dev.burstgitops.metrics;

import static dev.burstgitops.metrics.PrometheusMetricsSourceTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.Secret;
import dev.burstgitops.metrics.MetricQueryException.Kind;
import dev.burstgitops.testing.PrometheusCounterSeries;
import dev.burstgitops.testing.PrometheusServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Prometheus that has gone away or hangs: the loop must learn which, and see no credential. */
class PrometheusUnreachableTest {

    private static final String TOKEN = "bearer-token-that-must-not-leak";

    @Test
    void aStoppedServerIsAConnectionFailureNamingTheUrl() throws MetricQueryException {
        try (PrometheusServer prometheus = PrometheusServer.start(List.of(PrometheusCounterSeries.referenceWorker(20)))) {
            MetricsSource source = withToken(prometheus.uri(), Duration.ofSeconds(5));
            assertThat(source.query(PrometheusServer.REFERENCE_WORKER_QUERY).hasData()).isTrue();

            prometheus.stop();
            MetricQueryException failure = failureOf(source, PrometheusServer.REFERENCE_WORKER_QUERY);

            assertThat(failure.kind()).isEqualTo(Kind.CONNECTION);
            assertThat(failure).hasMessageStartingWith("Prometheus query failed at " + prometheus.uri() + "/api/v1/query: ")
                    .hasMessageNotContaining("istio_requests_total")
                    .hasCauseInstanceOf(IOException.class);
            assertThat(everythingPrinted(failure)).doesNotContain(TOKEN);
        }
    }

    @Test
    void aPeerThatNeverAnswersIsATimeout() throws IOException {
        // The only test double here: no real Prometheus hangs on demand. The kernel completes the
        // connection into the backlog, and since nothing ever reads the request, nothing answers.
        try (ServerSocket hung = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("http://127.0.0.1:" + hung.getLocalPort());

            MetricQueryException failure = failureOf(withToken(uri, Duration.ofMillis(300)), "up");

            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(failure).hasMessage("Prometheus query failed at " + uri + "/api/v1/query: no answer within 300 ms");
            assertThat(everythingPrinted(failure)).doesNotContain(TOKEN);
        }
    }

    private static MetricsSource withToken(URI uri, Duration timeout) {
        return new PrometheusMetricsSource(
                new PrometheusEndpoint(uri, timeout, PrometheusAuth.bearer(Secret.of(TOKEN, "test"))));
    }

    /** Message, causes and stack trace: what a log line with the exception would show. */
    static String everythingPrinted(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
