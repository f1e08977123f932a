package dev.burstgitops.metrics;

import static dev.burstgitops.metrics.PrometheusMetricsSourceTest.failureOf;
import static dev.burstgitops.metrics.PrometheusUnreachableTest.everythingPrinted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.burstgitops.config.Secret;
import dev.burstgitops.metrics.MetricQueryException.Kind;
import dev.burstgitops.testing.PrometheusCounterSeries;
import dev.burstgitops.testing.PrometheusServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Prometheus with {@code basic_auth_users} in its web config. */
class PrometheusBasicAuthTest {

    private static PrometheusServer prometheus;

    @BeforeAll
    static void startPrometheus() {
        prometheus = PrometheusServer.startWithBasicAuth(List.of(PrometheusCounterSeries.referenceWorker(20)));
    }

    @AfterAll
    static void stopPrometheus() {
        prometheus.close();
    }

    @Test
    void queriesWithTheRightCredentials() throws MetricQueryException {
        Sample sample = source(PrometheusServer.BASIC_AUTH_PASSWORD).query(PrometheusServer.REFERENCE_WORKER_QUERY);

        assertThat(sample.value()).isCloseTo(20.0, within(0.01));
    }

    @Test
    void takesCredentialsFromTheUrlWithoutEverPrintingThem() throws MetricQueryException {
        URI withUserInfo = URI.create("http://" + PrometheusServer.BASIC_AUTH_USERNAME + ":"
                + PrometheusServer.BASIC_AUTH_PASSWORD + "@127.0.0.1:" + prometheus.uri().getPort());
        PrometheusEndpoint endpoint = PrometheusEndpoint.of(withUserInfo, Duration.ofSeconds(5));

        assertThat(new PrometheusMetricsSource(endpoint).query(PrometheusServer.REFERENCE_WORKER_QUERY).hasData()).isTrue();
        assertThat(endpoint.toString()).doesNotContain(PrometheusServer.BASIC_AUTH_PASSWORD);
    }

    @Test
    void wrongCredentialsAreAnHttpStatusThatNeverShowsThePassword() {
        String wrongPassword = "wrong-password-that-must-not-leak";

        MetricQueryException failure = failureOf(source(wrongPassword), PrometheusServer.REFERENCE_WORKER_QUERY);

        assertThat(failure.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(failure).hasMessage(
                "Prometheus query failed at " + prometheus.uri() + "/api/v1/query: HTTP 401 Unauthorized");
        assertThat(everythingPrinted(failure)).doesNotContain(wrongPassword);
    }

    private static MetricsSource source(String password) {
        return new PrometheusMetricsSource(new PrometheusEndpoint(prometheus.uri(), Duration.ofSeconds(5),
                PrometheusAuth.basic(PrometheusServer.BASIC_AUTH_USERNAME, Secret.of(password, "test"))));
    }
}
