package dev.burstgitops.gitops.forge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The one JSON-over-HTTP client the three adapters share: it adds the auth and API headers,
 * sends a JSON body, parses a JSON answer, and turns every failure into a {@link ForgeException}
 * through {@link ForgeFailures}. What differs between forges (paths, field names) stays in the
 * adapters.
 */
final class ForgeHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    /** GitHub rejects requests without one; the others log it, which helps their operators. */
    static final String USER_AGENT = "burst-gitops";
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final String provider;
    private final HttpUrl root;
    private final ForgeAuth auth;
    private final Headers apiHeaders;
    private final OkHttpClient client;
    private final ForgeFailures failures;

    /**
     * @param root       the API root every {@link #url} is below, e.g. {@code https://gitea.example.com/api/v1}
     * @param apiHeaders sent with every request besides auth and content type (Accept, API version)
     */
    ForgeHttp(String provider, HttpUrl root, ForgeAuth auth, Headers apiHeaders, OkHttpClient client, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.root = Objects.requireNonNull(root, "root");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.apiHeaders = Objects.requireNonNull(apiHeaders, "apiHeaders");
        this.client = Objects.requireNonNull(client, "client");
        this.failures = new ForgeFailures(clock);
    }

    /**
     * The root with {@code segments} appended, each one a single path segment: a {@code /} inside
     * one is encoded as {@code %2F}, which is what GitLab needs for a project path as its id.
     */
    HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder url = root.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url;
    }

    HttpUrl root() {
        return root;
    }

    ForgeAnswer get(HttpUrl url) throws ForgeException {
        return send("GET", url, null);
    }

    /** Sends {@code body} as JSON ({@code null}: no body) and returns the parsed answer (a missing node when empty). */
    ForgeAnswer send(String method, HttpUrl url, Map<String, ?> body) throws ForgeException {
        ForgeCall call = new ForgeCall(provider, method, pathOf(url));
        ForgeAuth.Sent sent = auth.read();
        Request request = new Request.Builder()
                .url(url)
                .headers(apiHeaders)
                .header(auth.header(), sent.headerValue())
                .method(method, body == null ? null : RequestBody.create(write(body), JSON_TYPE))
                .build();
        try (Response response = client.newCall(request).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw failures.from(call, response.code(), response.headers(), text, sent);
            }
            return new ForgeAnswer(call, response.code(), parse(call, response.code(), text), sent);
        } catch (IOException e) {
            throw failures.unreachable(call, e, sent);
        }
    }

    private JsonNode parse(ForgeCall call, int status, String text) throws ForgeException {
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Not attached as the cause: Jackson's message quotes the body, which we do not print.
            throw new ForgeException(call, status, ForgeException.Kind.MALFORMED, "not JSON", null, null);
        }
    }

    private static String write(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body is not JSON-serialisable", e);
        }
    }

    private static String pathOf(HttpUrl url) {
        return url.encodedQuery() == null ? url.encodedPath() : url.encodedPath() + "?" + url.encodedQuery();
    }
}
