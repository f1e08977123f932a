package dev.burstgitops.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.burstgitops.status.HealthReport;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.LoopStatus;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz}: 200 while every loop turns, 503 naming the stalled ones and since when, and
 * the ones failing past their bound and why.
 */
final class HealthEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

    private final LoopHealth health;

    HealthEndpoint(LoopHealth health) {
        this.health = health;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HealthReport report = health.check();
        if (report.healthy()) {
            Exchanges.sendJson(exchange, 200, new Body("ok", List.of(), List.of(), report.loops()));
            return;
        }
        // Logged on every failed probe: these are the last lines before the kubelet restarts us.
        for (LoopStatus loop : report.loops()) {
            if (loop.stalled()) {
                LOG.warn("Loop {} stalled: no progress since {} ({} ago, limit {})",
                        loop.name(), loop.lastProgress(), loop.silentFor(), loop.limit());
            }
            if (loop.failing() != null) {
                LOG.warn("Loop {} failing: {}", loop.name(), loop.failing());
            }
        }
        String status = report.stalledLoops().isEmpty() ? "failing" : "stalled";
        Exchanges.sendJson(exchange, 503, new Body(status, report.stalledLoops(), report.failingLoops(), report.loops()));
    }

    private record Body(String status, List<String> stalled, List<String> failing, List<LoopStatus> loops) {
    }
}
