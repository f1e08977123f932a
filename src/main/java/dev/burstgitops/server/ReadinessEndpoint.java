package dev.burstgitops.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.burstgitops.status.Readiness;
import dev.burstgitops.status.ReadinessReport;
import java.io.IOException;
import java.util.List;

/** {@code /readyz}: 200 when every start-up condition is done, 503 listing those still pending. */
final class ReadinessEndpoint implements HttpHandler {

    private final Readiness readiness;

    ReadinessEndpoint(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ReadinessReport report = readiness.check();
        Body body = new Body(report.ready() ? "ready" : "pending", report.pending(), report.done());
        Exchanges.sendJson(exchange, report.ready() ? 200 : 503, body);
    }

    private record Body(String status, List<String> pending, List<String> done) {
    }
}
