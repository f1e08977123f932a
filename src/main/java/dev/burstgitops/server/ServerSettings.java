package dev.burstgitops.server;

import dev.burstgitops.config.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the HTTP server listens and how it guards the webhook.
 *
 * @param bindAddress         an interface address: {@code 0.0.0.0} in a pod, {@code 127.0.0.1} in tests
 * @param port                0 picks a free port; {@link ControllerHttpServer#port()} tells which
 * @param webhookSecret       the shared secret; empty disables {@code /hooks/git} (404)
 * @param webhookMaxBodyBytes larger deliveries are refused with 413 without being read
 * @param threads             request threads; probes, a scrape and the odd webhook need few
 */
public record ServerSettings(String bindAddress, int port, Optional<Secret> webhookSecret,
                             int webhookMaxBodyBytes, int threads) {

    /** GitHub caps payloads at 25 MB, but a push event is a few kB; 1 MiB leaves room for big pushes. */
    public static final int DEFAULT_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_THREADS = 4;

    public ServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (webhookMaxBodyBytes < 1 || webhookMaxBodyBytes == Integer.MAX_VALUE) {
            // MAX_VALUE would overflow the limit + 1 bytes the body reader asks for.
            throw new IllegalArgumentException("webhookMaxBodyBytes out of range: " + webhookMaxBodyBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    public static ServerSettings of(String bindAddress, int port, Optional<Secret> webhookSecret) {
        return new ServerSettings(bindAddress, port, webhookSecret, DEFAULT_WEBHOOK_MAX_BODY_BYTES, DEFAULT_THREADS);
    }

    public ServerSettings withWebhookMaxBodyBytes(int bytes) {
        return new ServerSettings(bindAddress, port, webhookSecret, bytes, threads);
    }
}
