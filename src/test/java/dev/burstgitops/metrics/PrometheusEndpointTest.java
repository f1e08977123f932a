package dev.burstgitops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.burstgitops.config.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:9090,                http://127.0.0.1:9090/api/v1/query",
        "http://127.0.0.1:9090/,               http://127.0.0.1:9090/api/v1/query",
        "http://host:9090/prometheus,          http://host:9090/prometheus/api/v1/query",
        "http://host:9090/prometheus/,         http://host:9090/prometheus/api/v1/query",
        "https://metrics.example.com/a/b,      https://metrics.example.com/a/b/api/v1/query",
    })
    void appendsTheQueryPathBelowAnyPathPrefix(String baseUrl, String queryUrl) {
        assertThat(PrometheusEndpoint.of(URI.create(baseUrl), TIMEOUT).queryUrl()).hasToString(queryUrl);
    }

    @Test
    void movesCredentialsFromTheUrlIntoBasicAuth() {
        PrometheusEndpoint endpoint = PrometheusEndpoint.of(URI.create("http://alice:s3cr%40t@host:9090/prom"), TIMEOUT);

        assertThat(endpoint.baseUrl()).hasToString("http://host:9090/prom");
        assertThat(endpoint.auth()).isInstanceOfSatisfying(PrometheusAuth.Basic.class, basic -> {
            assertThat(basic.username()).isEqualTo("alice");
            assertThat(basic.password().reveal()).isEqualTo("s3cr@t");
        });
        assertThat(endpoint.toString()).doesNotContain("s3cr");
    }

    @Test
    void refusesCredentialsGivenBothInTheUrlAndAsAuth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PrometheusEndpoint(URI.create("http://alice:pw-in-url@host:9090"), TIMEOUT,
                        PrometheusAuth.bearer(Secret.of("token", "test"))))
                .withMessageNotContaining("pw-in-url");
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PrometheusEndpoint.of(URI.create("ftp://user:pw-in-url@host/"), TIMEOUT))
                .withMessageNotContaining("pw-in-url");
    }

    @Test
    void refusesAUrlWithAQuery() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PrometheusEndpoint.of(URI.create("http://u:pw-in-url@host:9090/?x=1"), TIMEOUT))
                .withMessage("Prometheus URL must not have a query or fragment: http://host:9090/");
    }

    @Test
    void refusesATimeoutThatIsNotPositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PrometheusEndpoint.of(URI.create("http://host:9090"), Duration.ZERO));
    }
}
