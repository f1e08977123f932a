package dev.burstgitops.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface of {@code run}: {@code /healthz}, {@code /readyz}, {@code /metrics},
 * {@code /status} and {@code POST /hooks/git}, on the JDK's built-in server. Listening once
 * {@link #start} returns; {@link #close} stops at once, because every answer here is cheap and
 * a forge re-delivers (and the poll fetches) what a cut webhook missed.
 */
public final class ControllerHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private ControllerHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds and starts serving; throws {@link UncheckedIOException} when the address is taken or invalid. */
    public static ControllerHttpServer start(ServerSettings settings, ServerInputs inputs) {
        Router router = new Router()
                .read("/healthz", new HealthEndpoint(inputs.health()))
                .read("/readyz", new ReadinessEndpoint(inputs.readiness()))
                .read("/metrics", new MetricsEndpoint(inputs.metrics().registry()))
                .read("/status", new StatusEndpoint(inputs.status()))
                .any("/hooks/git", new WebhookEndpoint(settings.webhookSecret().map(WebhookAuthenticator::new),
                        settings.webhookMaxBodyBytes(), inputs.webhook()));
        HttpServer server;
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bindAddress() + ":" + settings.port(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
        server.createContext("/", router);
        server.setExecutor(executor);
        server.start();
        LOG.info("HTTP server listening on {}:{}{}", settings.bindAddress(), server.getAddress().getPort(),
                settings.webhookSecret().isPresent() ? "" : " (webhook disabled: no secret configured)");
        return new ControllerHttpServer(server, executor);
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
        executor.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "http-" + count.incrementAndGet());
            // Shutdown is driven by the run command, not by waiting for idle request threads.
            thread.setDaemon(true);
            return thread;
        };
    }
}
