package dev.burstgitops.metrics;

import dev.burstgitops.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Credentials;

/** How the controller authenticates to Prometheus (often through a proxy in front of it). */
public sealed interface PrometheusAuth {

    static PrometheusAuth none() {
        return None.INSTANCE;
    }

    static PrometheusAuth bearer(Secret token) {
        return new Bearer(token);
    }

    static PrometheusAuth basic(String username, Secret password) {
        return new Basic(username, password);
    }

    /**
     * The {@code Authorization} header value, if any. This is the one place the secret is
     * revealed; the value goes straight into the request and nowhere else.
     */
    Optional<String> authorizationHeader();

    enum None implements PrometheusAuth {
        INSTANCE;

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.empty();
        }
    }

    record Bearer(Secret token) implements PrometheusAuth {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.of("Bearer " + token.reveal());
        }
    }

    record Basic(String username, Secret password) implements PrometheusAuth {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.of(Credentials.basic(username, password.reveal(), StandardCharsets.UTF_8));
        }
    }
}
