package dev.burstgitops.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface of {@code run}: {@code /healthz}, {@code /readyz}, {@code /metrics},
 * {@code /status} and {@code POST /hooks/git}, on the JDK's built-in server. A request has
 * {@link ServerSettings#requestTimeout()} to arrive, and webhook bodies are read on a pool of
 * their own ({@link RequestExecutor}, {@link OffloadedHandler}), so slow clients cannot keep the
 * probes from answering. Listening once {@link #start} returns; {@link #close} stops at once,
 * because every answer here is cheap and a forge re-delivers (and the poll fetches) what a cut
 * webhook missed.
 */
public final class ControllerHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerHttpServer.class);

    private final HttpServer server;
    private final AutoCloseable[] resources;

    private ControllerHttpServer(HttpServer server, AutoCloseable... resources) {
        this.server = server;
        this.resources = resources;
    }

    /** Binds and starts serving; throws {@link UncheckedIOException} when the address is taken or invalid. */
    public static ControllerHttpServer start(ServerSettings settings, ServerInputs inputs) {
        IoDeadlines deadlines = new IoDeadlines();
        RequestExecutor requests = new RequestExecutor("http", settings.threads(), ServerSettings.REQUEST_QUEUE,
                deadlines, settings.requestTimeout());
        RequestExecutor webhooks = new RequestExecutor("http-webhook", ServerSettings.WEBHOOK_THREADS,
                ServerSettings.WEBHOOK_QUEUE, deadlines, settings.requestTimeout());
        WebhookEndpoint webhook = new WebhookEndpoint(settings.webhookSecret().map(WebhookAuthenticator::new),
                settings.webhookMaxBodyBytes(), inputs.webhook());
        Router router = new Router()
                .read("/healthz", new HealthEndpoint(inputs.health()))
                .read("/readyz", new ReadinessEndpoint(inputs.readiness()))
                .read("/metrics", new MetricsEndpoint(inputs.metrics().registry()))
                .read("/status", new StatusEndpoint(inputs.status()))
                .any("/hooks/git", new OffloadedHandler(webhook, webhooks, deadlines, settings.requestTimeout()));
        HttpServer server;
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 0);
        } catch (IOException e) {
            closeAll(requests, webhooks, deadlines);
            throw new UncheckedIOException("cannot listen on " + settings.bindAddress() + ":" + settings.port(), e);
        }
        server.createContext("/", router);
        server.setExecutor(requests);
        server.start();
        LOG.info("HTTP server listening on {}:{}{}", settings.bindAddress(), server.getAddress().getPort(),
                settings.webhookSecret().isPresent() ? "" : " (webhook disabled: no secret configured)");
        return new ControllerHttpServer(server, requests, webhooks, deadlines);
    }

    /** The port actually bound, which differs from the settings when they asked for 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        closeAll(resources);
    }

    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", resource, e);
            }
        }
    }
}
