package dev.burstgitops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.Secret;
import org.junit.jupiter.api.Test;

class PrometheusAuthTest {

    @Test
    void noneSendsNoAuthorizationHeader() {
        assertThat(PrometheusAuth.none().authorizationHeader()).isEmpty();
    }

    @Test
    void bearerSendsTheTokenAsABearerCredential() {
        assertThat(PrometheusAuth.bearer(Secret.of("tok-123", "test")).authorizationHeader())
                .contains("Bearer tok-123");
    }

    @Test
    void basicSendsUserAndPasswordBase64Encoded() {
        // "burst:pässword" in UTF-8, as RFC 7617 recommends and Prometheus' web config expects.
        assertThat(PrometheusAuth.basic("burst", Secret.of("pässword", "test")).authorizationHeader())
                .contains("Basic YnVyc3Q6cMOkc3N3b3Jk");
    }

    @Test
    void printingTheSettingsNeverShowsTheSecret() {
        assertThat(PrometheusAuth.bearer(Secret.of("tok-123", "test"))).asString().doesNotContain("tok-123");
        assertThat(PrometheusAuth.basic("burst", Secret.of("pw-456", "test"))).asString()
                .doesNotContain("pw-456").contains("burst");
    }
}
