package dev.burstgitops.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burstgitops.config.Secret;
import dev.burstgitops.gitops.forge.ForgeRetry;
import dev.burstgitops.gitops.forge.PullRequestProviders;
import dev.burstgitops.gitops.forge.PullRequestSync;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A GitHub repository {@code acme/fleet} that keeps its pull requests between calls, so that a
 * test can run several passes and read the forge's state afterwards. Requests are the REST v3
 * calls the github provider makes; answers are the documented bodies under
 * {@code src/test/resources/gitops/forge/github/}, with number, branches, text and state filled in.
 * No forge can run offline here, hence MockWebServer.
 */
public final class PullRequestTestForge implements AutoCloseable {

    /** Shaped like a real token, so that a leak would be recognisable in any message. */
    public static final Secret TOKEN = Secret.of("ghp_R7kQ2mX9vT4nL8wZ3sY6bH1cJ5dF0gA2pE", "test");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** When the forge says each closed pull request was closed. */
    public static final Instant CLOSED_AT = Instant.parse("2026-11-27T06:00:00Z");
    private static final Clock CLOCK = Clock.fixed(CLOSED_AT, ZoneOffset.UTC);

    /** One pull request as the forge holds it. */
    public record Pull(int number, String head, String base, String title, String body, String state,
                boolean merged, List<String> comments) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<Integer, Pull> pulls = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private int nextNumber = 42;
    private int failingWith;
    private boolean onlyWritesFail;

    public PullRequestTestForge() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production client for this forge, without retries so that every failure shows. */
    /** The forge's API root, for git.pullRequest.apiUrl. */
    public java.net.URI apiUrl() {
        return server.url("/").uri();
    }

    public PullRequestSync sync() {
        return new PullRequestSync(PullRequestProviders.create("github", server.url("/").uri(), "acme/fleet", TOKEN,
                false, ForgeRetry.none(), CLOCK));
    }

    public synchronized List<Pull> open() {
        return pulls.values().stream().filter(pull -> pull.state().equals("open")).toList();
    }

    public synchronized Pull pull(int number) {
        return pulls.get(number);
    }

    /** Every call as {@code METHOD /path}, in order. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The calls that changed something. */
    synchronized List<String> writes() {
        return calls.stream().filter(call -> !call.startsWith("GET ")).toList();
    }

    /** What a person's merge on the web page does to the pull request. */
    synchronized void merge(int number) {
        Pull pull = pulls.get(number);
        pulls.put(number, new Pull(number, pull.head(), pull.base(), pull.title(), pull.body(), "closed", true,
                pull.comments()));
    }

    /** What a person's "Close pull request" on the web page does. */
    synchronized void closeUnmerged(int number) {
        Pull pull = pulls.get(number);
        pulls.put(number, new Pull(number, pull.head(), pull.base(), pull.title(), pull.body(), "closed", false,
                pull.comments()));
    }

    /** What a person's "Reopen pull request" on the web page does (GitHub allows it while the branch exists). */
    synchronized void reopen(int number) {
        Pull pull = pulls.get(number);
        pulls.put(number, new Pull(number, pull.head(), pull.base(), pull.title(), pull.body(), "open", false,
                pull.comments()));
    }

    /** From now on every call fails with {@code status} and the stored GitHub error body. */
    synchronized void failWith(int status) {
        failingWith = status;
        onlyWritesFail = false;
    }

    /** From now on every call that would change something fails with {@code status}; reads still answer. */
    synchronized void failWritesWith(int status) {
        failingWith = status;
        onlyWritesFail = true;
    }

    synchronized void recover() {
        failingWith = 0;
    }

    private synchronized MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        calls.add(request.getMethod() + " " + url.encodedPath());
        if (!("Bearer " + TOKEN.reveal()).equals(request.getHeader("Authorization"))) {
            return json(401, resource("github/error-401.json"));
        }
        if (failingWith != 0 && !(onlyWritesFail && request.getMethod().equals("GET"))) {
            return json(failingWith, resource("github/error-" + failingWith + ".json"));
        }
        List<String> path = url.pathSegments();
        String route = request.getMethod() + " " + String.join("/", path.subList(0, Math.min(4, path.size())));
        JsonNode body = readBody(request);
        switch (route) {
            case "GET repos/acme/fleet/pulls":
                return json(200, list(url.queryParameter("head"), url.queryParameter("base"), url.queryParameter("state")));
            case "POST repos/acme/fleet/pulls":
                return create(body);
            case "PATCH repos/acme/fleet/pulls":
                return update(Integer.parseInt(path.get(4)), body);
            case "POST repos/acme/fleet/issues":
                return comment(Integer.parseInt(path.get(4)), body);
            default:
                return json(404, resource("github/error-404.json"));
        }
    }

    private String list(String ownerAndHead, String base, String state) {
        ArrayNode listed = JSON.createArrayNode();
        pulls.values().stream()
                .filter(pull -> state == null ? pull.state().equals("open") : state.equals("all") || pull.state().equals(state))
                .filter(pull -> ("acme:" + pull.head()).equals(ownerAndHead) && pull.base().equals(base))
                .forEach(pull -> listed.add(render(pull)));
        return listed.toString();
    }

    private MockResponse create(JsonNode body) {
        String head = body.path("head").asText();
        String base = body.path("base").asText();
        if (open().stream().anyMatch(pull -> pull.head().equals(head) && pull.base().equals(base))) {
            return json(422, resource("github/error-422-already-exists.json"));
        }
        Pull pull = new Pull(nextNumber++, head, base, body.path("title").asText(), body.path("body").asText(), "open",
                false, new ArrayList<>());
        pulls.put(pull.number(), pull);
        return json(201, render(pull).toString());
    }

    private MockResponse update(int number, JsonNode body) {
        Pull old = pulls.get(number);
        Pull pull = new Pull(number, old.head(), old.base(), body.path("title").asText(old.title()),
                body.path("body").asText(old.body()), body.path("state").asText(old.state()), old.merged(), old.comments());
        pulls.put(number, pull);
        return json(200, render(pull).toString());
    }

    private MockResponse comment(int number, JsonNode body) {
        pulls.get(number).comments().add(body.path("body").asText());
        ObjectNode comment = (ObjectNode) readJson(resource("github/issue-comment.json"));
        comment.put("body", body.path("body").asText());
        return json(201, comment.toString());
    }

    private static ObjectNode render(Pull pull) {
        ObjectNode json = (ObjectNode) readJson(resource("github/pull.json"));
        json.put("number", pull.number());
        json.put("url", "https://api.github.com/repos/acme/fleet/pulls/" + pull.number());
        json.put("html_url", "https://github.com/acme/fleet/pull/" + pull.number());
        json.put("title", pull.title());
        json.put("body", pull.body());
        json.put("state", pull.state());
        if (pull.state().equals("closed")) {
            json.put("closed_at", CLOCK.instant().toString());
            json.put("merged_at", pull.merged() ? CLOCK.instant().toString() : null);
        }
        ((ObjectNode) json.path("head")).put("ref", pull.head()).put("label", "acme:" + pull.head());
        ((ObjectNode) json.path("base")).put("ref", pull.base()).put("label", "acme:" + pull.base());
        return json;
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody(body);
    }

    private static JsonNode readBody(RecordedRequest request) {
        String text = request.getBody().readUtf8();
        return text.isEmpty() ? JSON.createObjectNode() : readJson(text);
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = PullRequestTestForge.class.getResourceAsStream("/gitops/forge/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource /gitops/forge/" + path);
            }
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
