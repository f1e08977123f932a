package dev.burstgitops.config;

import java.util.Optional;

/** The {@code server} section: the HTTP port of {@code run} and the webhook's shared secret. */
public record ServerConfig(int port, Optional<SecretRef> webhookSecret) {
}
