package dev.burstgitops.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a handler that reads a request body on a small pool of its own, with a deadline, so that
 * slow uploads never hold the threads the probes are answered on. The deadline counts from the
 * hand-over, so waiting in the queue uses up a delivery's time. When that pool and its queue
 * are full the request is answered {@code 503} with {@code Retry-After} at once: a forge
 * re-delivers, and the poll fetches what a refused delivery announced anyway.
 */
final class OffloadedHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OffloadedHandler.class);

    private final HttpHandler handler;
    private final RequestExecutor pool;
    private final IoDeadlines deadlines;
    private final Duration timeout;

    OffloadedHandler(HttpHandler handler, RequestExecutor pool, IoDeadlines deadlines, Duration timeout) {
        this.handler = handler;
        this.pool = pool;
        this.deadlines = deadlines;
        this.timeout = timeout;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            long arrived = System.nanoTime();
            pool.executeUnguarded(() -> run(exchange, arrived));
        } catch (RejectedExecutionException busy) {
            LOG.warn("{} {} from {} refused: too many requests in progress",
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRemoteAddress());
            exchange.getResponseHeaders().set("Retry-After", "10");
            Exchanges.sendText(exchange, 503, "busy: too many deliveries in progress, retry later\n");
        }
    }

    private void run(HttpExchange exchange, long arrived) {
        try (IoDeadlines.Guard guard = deadlines.start(arrived, timeout)) {
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                if (guard.expired()) {
                    LOG.info("{} {} from {} cut off: not received within {} s", exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(), exchange.getRemoteAddress(), timeout.toSeconds());
                } else {
                    LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
                    Router.answerServerError(exchange);
                }
                exchange.close();
            }
        }
    }
}
