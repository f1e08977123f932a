package dev.burstgitops.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /status}: whatever the {@link StatusSource} returns, as JSON. */
final class StatusEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StatusEndpoint.class);

    private final StatusSource source;

    StatusEndpoint(StatusSource source) {
        this.source = source;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try {
            body = ServerJson.write(source.status());
        } catch (RuntimeException | IOException e) {
            // The body stays generic: an exception message is not vetted for what it may carry.
            LOG.warn("Status could not be written", e);
            Exchanges.sendJson(exchange, 500, Map.of("error", "status unavailable; see the controller log"));
            return;
        }
        Exchanges.send(exchange, 200, Exchanges.JSON, body);
    }
}
