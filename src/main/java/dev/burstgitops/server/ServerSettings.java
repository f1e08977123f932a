package dev.burstgitops.server;

import dev.burstgitops.config.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the HTTP server listens and how it guards itself against its clients.
 *
 * @param bindAddress         an interface address for both listeners: {@code 0.0.0.0} in a pod,
 *                            {@code 127.0.0.1} in tests
 * @param port                the probes, {@code /metrics} and {@code /status}; 0 picks a free port,
 *                            {@link ControllerHttpServer#port()} tells which
 * @param webhookPort         {@code POST /hooks/git}, on a listener of its own so that an ingress can
 *                            expose it alone; 0 picks a free port ({@link ControllerHttpServer#webhookPort()})
 * @param webhookSecret       the shared secret; empty disables the webhook: its listener is not opened
 * @param webhookMaxBodyBytes larger deliveries are refused with 413 without being read
 * @param threads             request threads; each slow client holds one for at most {@code requestTimeout}
 * @param requestTimeout      the most a request may take to arrive, head and body; the connection is
 *                            closed past it
 */
public record ServerSettings(String bindAddress, int port, int webhookPort, Optional<Secret> webhookSecret,
                             int webhookMaxBodyBytes, int threads, Duration requestTimeout) {

    /** GitHub caps payloads at 25 MB, but a push event is a few kB; 1 MiB leaves room for big pushes. */
    public static final int DEFAULT_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;
    /** Probes, a scrape and the odd webhook need few; the rest is room for slow clients until they are cut off. */
    public static final int DEFAULT_THREADS = 16;
    /** A probe or a forge sends its whole request in milliseconds; ten seconds is generous on any network. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Webhook deliveries read their bodies on a pool this size, apart from the probes... */
    static final int WEBHOOK_THREADS = 2;
    /** ...with at most this many waiting; more are answered 503 at once. */
    static final int WEBHOOK_QUEUE = 8;
    /** Connections waiting for a request thread; past it a new connection is closed at once. */
    static final int REQUEST_QUEUE = 64;

    public ServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (webhookPort < 0 || webhookPort > 65535) {
            throw new IllegalArgumentException("webhookPort must be 0..65535: " + webhookPort);
        }
        if (webhookPort != 0 && webhookPort == port) {
            throw new IllegalArgumentException("webhookPort must differ from port: " + port);
        }
        if (webhookMaxBodyBytes < 1 || webhookMaxBodyBytes == Integer.MAX_VALUE) {
            // MAX_VALUE would overflow the limit + 1 bytes the body reader asks for.
            throw new IllegalArgumentException("webhookMaxBodyBytes out of range: " + webhookMaxBodyBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (requestTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
    }

    public static ServerSettings of(String bindAddress, int port, int webhookPort, Optional<Secret> webhookSecret) {
        return new ServerSettings(bindAddress, port, webhookPort, webhookSecret, DEFAULT_WEBHOOK_MAX_BODY_BYTES,
                DEFAULT_THREADS, DEFAULT_REQUEST_TIMEOUT);
    }

    /** With the webhook, when there is a secret, on a free port of its own. */
    public static ServerSettings of(String bindAddress, int port, Optional<Secret> webhookSecret) {
        return of(bindAddress, port, 0, webhookSecret);
    }

    public ServerSettings withWebhookMaxBodyBytes(int bytes) {
        return new ServerSettings(bindAddress, port, webhookPort, webhookSecret, bytes, threads, requestTimeout);
    }

    public ServerSettings withRequestTimeout(Duration timeout) {
        return new ServerSettings(bindAddress, port, webhookPort, webhookSecret, webhookMaxBodyBytes, threads,
                timeout);
    }
}
