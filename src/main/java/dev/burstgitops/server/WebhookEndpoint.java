package dev.burstgitops.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/git}: a forge says the repository changed. Only a delivery signed with the
 * shared secret reaches the {@link WebhookListener}; the answer is {@code 202} because the fetch
 * it triggers happens later, on the loop. Without a configured secret the route answers
 * {@code 404}: an unsigned webhook is never accepted, and 404 tells the operator the endpoint
 * is not enabled rather than suggesting an outage as a 5xx would.
 */
final class WebhookEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);
    private static final String[] EVENT_HEADERS = {"X-GitHub-Event", "X-Gitea-Event", "X-Gitlab-Event"};
    private static final String[] DELIVERY_HEADERS = {"X-GitHub-Delivery", "X-Gitea-Delivery", "X-Gitlab-Event-UUID"};

    private final Optional<WebhookAuthenticator> authenticator;
    private final int maxBodyBytes;
    private final WebhookListener listener;

    WebhookEndpoint(Optional<WebhookAuthenticator> authenticator, int maxBodyBytes, WebhookListener listener) {
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
        this.listener = listener;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (authenticator.isEmpty()) {
            Exchanges.sendText(exchange, 404, "webhook not enabled: no webhook secret configured\n");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            Exchanges.sendText(exchange, 405, "use POST\n");
            return;
        }
        Optional<byte[]> body = BoundedBody.read(exchange, maxBodyBytes);
        if (body.isEmpty()) {
            LOG.warn("Webhook from {} refused: body over {} bytes", exchange.getRemoteAddress(), maxBodyBytes);
            Exchanges.sendText(exchange, 413, "body larger than " + maxBodyBytes + " bytes\n");
            return;
        }
        Headers headers = exchange.getRequestHeaders();
        String event = firstOf(headers, EVENT_HEADERS);
        String delivery = firstOf(headers, DELIVERY_HEADERS);
        WebhookVerdict verdict = authenticator.get().verify(headers, body.get());
        if (verdict instanceof WebhookVerdict.Rejected rejected) {
            // The reason names a header, never its value: a wrong signature is still secret-derived.
            LOG.warn("Webhook {} delivery {} from {} refused: {}",
                    event, delivery, exchange.getRemoteAddress(), rejected.reason());
            Exchanges.sendText(exchange, 401, "signature or token missing or wrong\n");
            return;
        }
        accept(exchange, event, delivery, ((WebhookVerdict.Accepted) verdict).scheme());
    }

    private void accept(HttpExchange exchange, String event, String delivery, String scheme) throws IOException {
        try {
            listener.onDelivery(event, delivery);
        } catch (RuntimeException e) {
            LOG.warn("Webhook {} delivery {} verified but not handled", event, delivery, e);
            Exchanges.sendJson(exchange, 500, Map.of("status", "failed", "event", event, "delivery", delivery));
            return;
        }
        LOG.info("Webhook {} delivery {} accepted ({})", event, delivery, scheme);
        Exchanges.sendJson(exchange, 202, Map.of("status", "accepted", "event", event, "delivery", delivery));
    }

    /** The first header present, made safe for a log line: forges' ids are short and printable. */
    private static String firstOf(Headers headers, String[] names) {
        for (String name : names) {
            String value = headers.getFirst(name);
            if (value != null && !value.isBlank()) {
                String printable = value.strip().replaceAll("[^\\x20-\\x7e]", "?");
                return printable.length() > 80 ? printable.substring(0, 80) : printable;
            }
        }
        return "unknown";
    }
}
