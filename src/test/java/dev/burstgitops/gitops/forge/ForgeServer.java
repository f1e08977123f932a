package dev.burstgitops.gitops.forge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer standing in for a forge (none can run offline here), answering with the
 * documented bodies under {@code src/test/resources/gitops/forge/<provider>/}.
 */
final class ForgeServer implements AutoCloseable {

    /** Looks like a real token so that a leak would be recognisable in any message. */
    static final Secret TOKEN = Secret.of("glpat-Zk3xQ9vT7mN2pL8wR4sY", "test");
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();

    ForgeServer() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return server.url("/").uri();
    }

    /** The factory's provider against this server, without retries so every failure shows. */
    PullRequestProvider provider(String name, String repository, boolean autoMerge) {
        return PullRequestProviders.create(name, uri(), repository, TOKEN, autoMerge, ForgeRetry.none(), CLOCK);
    }

    ForgeServer reply(int status, String resource) {
        return reply(json(status, resource(resource)));
    }

    ForgeServer replyJson(int status, String body) {
        return reply(json(status, body));
    }

    ForgeServer reply(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody(body);
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).as("a request reached the forge").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int requestCount() {
        return server.getRequestCount();
    }

    static JsonNode body(RecordedRequest request) {
        try {
            // A copy, so that a test may read the same body more than once.
            return JSON.readTree(request.getBody().clone().readUtf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = ForgeServer.class.getResourceAsStream("/gitops/forge/" + path)) {
            assertThat(in).as("test resource " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
