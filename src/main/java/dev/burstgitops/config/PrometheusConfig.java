package dev.burstgitops.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code prometheus} section. Authentication is either a bearer token or a user name with a
 * password; both secrets are read from files or environment variables.
 */
public record PrometheusConfig(
        URI url,
        Duration timeout,
        Optional<SecretRef> bearerToken,
        Optional<String> username,
        Optional<SecretRef> password) {
}
