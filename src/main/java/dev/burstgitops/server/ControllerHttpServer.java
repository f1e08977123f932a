package dev.burstgitops.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface of {@code run}, on the JDK's built-in server, as two listeners on
 * {@link ServerSettings#bindAddress()}: {@code /healthz}, {@code /readyz}, {@code /metrics} and
 * {@code /status} on {@link ServerSettings#port()}, and {@code POST /hooks/git} alone on
 * {@link ServerSettings#webhookPort()}, opened only when a webhook secret is configured. An
 * ingress that routes to the webhook's port can then reach nothing else, and no client of the
 * webhook shares a thread with the probes. A request has {@link ServerSettings#requestTimeout()}
 * to arrive, and webhook bodies are read on a pool of their own ({@link RequestExecutor},
 * {@link OffloadedHandler}). Listening once {@link #start} returns; {@link #close} stops at once,
 * because every answer here is cheap and a forge re-delivers (and the poll fetches) what a cut
 * webhook missed.
 */
public final class ControllerHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerHttpServer.class);
    static final String WEBHOOK_PATH = "/hooks/git";

    private final HttpServer server;
    private final Optional<HttpServer> hooks;
    private final List<AutoCloseable> resources;

    private ControllerHttpServer(HttpServer server, Optional<HttpServer> hooks, List<AutoCloseable> resources) {
        this.server = server;
        this.hooks = hooks;
        this.resources = resources;
    }

    /** Binds and starts serving; throws {@link UncheckedIOException} when an address is taken or invalid. */
    public static ControllerHttpServer start(ServerSettings settings, ServerInputs inputs) {
        IoDeadlines deadlines = new IoDeadlines();
        List<AutoCloseable> resources = new ArrayList<>(List.of(deadlines));
        try {
            HttpServer server = serve(settings, settings.port(), probeRoutes(inputs),
                    executor("http", settings, deadlines, resources), resources);
            Optional<HttpServer> hooks = Optional.empty();
            if (settings.webhookSecret().isPresent()) {
                hooks = Optional.of(serve(settings, settings.webhookPort(), webhookRoute(settings, inputs, deadlines,
                        resources), executor("http-hooks", settings, deadlines, resources), resources));
            }
            logListening(settings, server, hooks);
            return new ControllerHttpServer(server, hooks, reversed(resources));
        } catch (RuntimeException e) {
            closeAll(reversed(resources));
            throw e;
        }
    }

    /** The port actually bound for the probes, metrics and status; differs from the settings when they asked for 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The webhook's port actually bound; empty when no webhook secret is configured, so nothing listens. */
    public OptionalInt webhookPort() {
        return hooks.map(h -> OptionalInt.of(h.getAddress().getPort())).orElse(OptionalInt.empty());
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static Router probeRoutes(ServerInputs inputs) {
        return new Router()
                .read("/healthz", new HealthEndpoint(inputs.health()))
                .read("/readyz", new ReadinessEndpoint(inputs.readiness()))
                .read("/metrics", new MetricsEndpoint(inputs.metrics().registry()))
                .read("/status", new StatusEndpoint(inputs.status()))
                // Not served here: a forge pointed at this port is told where the webhook is.
                .any(WEBHOOK_PATH, exchange -> Exchanges.sendText(exchange, 404,
                        "not found: " + WEBHOOK_PATH + " is served on its own port (server.webhookPort)\n"));
    }

    /** {@code POST /hooks/git} alone, its bodies read on a small pool of their own. */
    private static Router webhookRoute(ServerSettings settings, ServerInputs inputs, IoDeadlines deadlines,
                                       List<AutoCloseable> resources) {
        RequestExecutor bodies = new RequestExecutor("http-webhook", ServerSettings.WEBHOOK_THREADS,
                ServerSettings.WEBHOOK_QUEUE, deadlines, settings.requestTimeout());
        resources.add(bodies);
        WebhookEndpoint endpoint = new WebhookEndpoint(settings.webhookSecret().map(WebhookAuthenticator::new),
                settings.webhookMaxBodyBytes(), inputs.webhook());
        return new Router().any(WEBHOOK_PATH, new OffloadedHandler(endpoint, bodies, deadlines,
                settings.requestTimeout()));
    }

    private static RequestExecutor executor(String name, ServerSettings settings, IoDeadlines deadlines,
                                            List<AutoCloseable> resources) {
        RequestExecutor executor = new RequestExecutor(name, settings.threads(), ServerSettings.REQUEST_QUEUE,
                deadlines, settings.requestTimeout());
        resources.add(executor);
        return executor;
    }

    /**
     * Binds and starts one listener. Started at once, even when another is still to bind: a
     * listener that never started keeps its port after stop, because its channel is closed only
     * by the selector loop that start() runs.
     */
    private static HttpServer serve(ServerSettings settings, int port, Router router, RequestExecutor executor,
                                    List<AutoCloseable> resources) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bindAddress() + ":" + port, e);
        }
        server.createContext("/", router);
        server.setExecutor(executor);
        server.start();
        resources.add(() -> server.stop(0));
        return server;
    }

    private static void logListening(ServerSettings settings, HttpServer server, Optional<HttpServer> hooks) {
        LOG.info("HTTP server listening on {}:{}", settings.bindAddress(), server.getAddress().getPort());
        if (hooks.isPresent()) {
            LOG.info("Webhook listening on {}:{} ({} only)", settings.bindAddress(), hooks.get().getAddress().getPort(),
                    WEBHOOK_PATH);
        } else {
            LOG.info("Webhook disabled: no webhook secret configured (server.webhookSecretFile)");
        }
    }

    /** Last opened, first closed: a listener stops before the pools it hands exchanges to. */
    private static List<AutoCloseable> reversed(List<AutoCloseable> resources) {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        return reversed;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", resource, e);
            }
        }
    }
}
