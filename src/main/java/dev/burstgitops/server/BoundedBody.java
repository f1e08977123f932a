package dev.burstgitops.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a request body without trusting its size: at most {@code limit + 1} bytes, so a body
 * over the limit is recognised without being read, whatever Content-Length says (or whether it
 * is sent at all, as with chunked uploads). The JDK server drains only a bounded remainder when
 * the exchange closes, then drops the connection.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /** The body, or empty when it is larger than {@code limit} bytes. */
    static Optional<byte[]> read(HttpExchange exchange, int limit) throws IOException {
        if (declaredLength(exchange) > limit) {
            return Optional.empty();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? Optional.empty() : Optional.of(body);
        }
    }

    private static long declaredLength(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            // The JDK server already refuses a malformed length; reading stays bounded regardless.
            return -1;
        }
    }
}
