package dev.burstgitops.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the frontend and the two workers: it sends the scenario's request rate to the
 * worker service, routes each request by the VirtualService weights read live from the primary
 * API server, and serves on {@code /metrics} the {@code istio_requests_total} series the primary
 * cluster's Prometheus would scrape ({@link PrimaryTelemetry}).
 */
public final class TrafficGenerator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficGenerator.class);
    private static final long TICK_MILLIS = 100;

    private final DemoScenario scenario;
    private final Supplier<Optional<RouteWeights>> weights;
    private final Clock clock;
    private final RequestLedger ledger = new RequestLedger();
    private final WeightedRouter router = new WeightedRouter();
    private final HttpServer server;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant started;
    private Instant lastTick;
    private double owed;
    private long sent;

    private TrafficGenerator(DemoScenario scenario, Supplier<Optional<RouteWeights>> weights, Clock clock,
                             HttpServer server) {
        this.scenario = scenario;
        this.weights = weights;
        this.clock = clock;
        this.server = server;
    }

    /** Serves {@code /metrics} on a free loopback port at once; requests start with {@link #startTraffic()}. */
    public static TrafficGenerator serve(DemoScenario scenario, Supplier<Optional<RouteWeights>> weights,
                                         Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TrafficGenerator generator = new TrafficGenerator(scenario, weights, clock, server);
            server.createContext("/metrics", generator::serveMetrics);
            server.start();
            return generator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the traffic generator", e);
        }
    }

    /** {@code 127.0.0.1:<port>}, the scrape target. */
    public String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts the scenario's clock and the requests; returns the start. */
    public Instant startTraffic() {
        started = clock.instant();
        lastTick = started;
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return started;
    }

    public RequestLedger ledger() {
        return ledger;
    }

    /** The rate the scenario offers now, in requests per second (0 before the traffic starts). */
    public double offeredRate() {
        return started == null ? 0 : scenario.rateAt(Duration.between(started, clock.instant()));
    }

    private void tick() {
        try {
            send(clock.instant());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: the demo would go quiet unexplained.
            LOG.warn("traffic generator tick failed: {}", e.toString());
        }
    }

    private void send(Instant now) {
        // The rate times the time since the last tick, carrying the fraction over, so that a
        // late tick sends more rather than the total drifting below the scenario's rate.
        owed += scenario.rateAt(Duration.between(started, now)) * Duration.between(lastTick, now).toNanos() / 1e9;
        lastTick = now;
        RouteWeights routeWeights = weights.get().orElse(RouteWeights.NATURAL);
        while (owed >= 1) {
            owed -= 1;
            SimulatedWorker worker = router.toBurst(routeWeights) ? SimulatedWorker.BURST : SimulatedWorker.PRIMARY;
            ledger.record(worker, worker.process("request-" + (++sent)), now);
        }
    }

    private void serveMetrics(HttpExchange exchange) throws IOException {
        Map<String, Long> counts = ledger.requestsByCluster();
        String body = PrimaryTelemetry.exposition(counts.get(SimulatedWorker.PRIMARY.cluster()),
                counts.get(SimulatedWorker.BURST.cluster()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop(0);
    }
}
