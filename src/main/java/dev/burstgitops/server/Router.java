package dev.burstgitops.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches on the exact path. The JDK server matches contexts by string prefix, so
 * {@code /healthz} would also answer {@code /healthzzz}; one root context and this table
 * keep every other path a 404.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

    /** A route that only reads: GET and HEAD, anything else 405. */
    Router read(String path, HttpHandler handler) {
        routes.put(path, exchange -> {
            if (READ_METHODS.contains(exchange.getRequestMethod())) {
                handler.handle(exchange);
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                Exchanges.sendText(exchange, 405, "use GET\n");
            }
        });
        return this;
    }

    /** A route that checks the method itself. */
    Router any(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpHandler handler = routes.get(exchange.getRequestURI().getPath());
        try {
            if (handler == null) {
                Exchanges.sendText(exchange, 404, "not found\n");
            } else {
                handler.handle(exchange);
            }
        } catch (IOException | RuntimeException e) {
            // Otherwise the JDK server drops the connection without a status and logs nowhere we read.
            LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            answerServerError(exchange);
        }
    }

    static void answerServerError(HttpExchange exchange) {
        try {
            Exchanges.sendText(exchange, 500, "internal error\n");
        } catch (IOException | RuntimeException alreadyAnswered) {
            // Headers were already sent or the client left; closing is all that is left to do.
            exchange.close();
        }
    }
}
