package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.server.ControllerHttpServer;
import dev.burstgitops.server.ServerInputs;
import dev.burstgitops.server.ServerSettings;
import dev.burstgitops.status.Observability;
import dev.burstgitops.testing.CapturedLogs;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitRemotes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync loop that cannot fetch says so on {@code /status} at once, logs it once when it starts
 * and once when it ends, and past {@code sync.maxFetchFailures} in a row fails {@code /healthz},
 * so that Kubernetes restarts the pod; once Git answers again, all of it clears.
 */
class FetchFailureHealthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BOUND = 3;

    @TempDir
    Path dir;

    private Path remote;
    private Controller controller;
    private ControllerHttpServer server;
    private CapturedLogs logs;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of("README.md", "fleet\n"));
        Path configFile = ConfigYaml.forRemote(remote.toUri()).git("pollInterval: 100ms")
                .section("sync:\n  maxFetchFailures: " + BOUND)
                .writeTo(dir.resolve("burst-gitops.yaml"));
        BurstGitopsConfig config = ConfigLoader.load(configFile);
        controller = Controller.create(config, promql -> {
            throw new IllegalStateException("no policies here");
        }, Clock.systemUTC());
        Observability observability = new Observability(Clock.systemUTC());
        server = ControllerHttpServer.start(ServerSettings.of("127.0.0.1", 0, Optional.empty()),
                new ServerInputs(observability.metrics(), observability.health(), observability.readiness(),
                        controller.status()::snapshot, (event, delivery) -> { }));
        logs = CapturedLogs.capture();
        controller.reportTo(observability);
        controller.start();
    }

    @AfterEach
    void tearDown() {
        controller.close();
        server.close();
        logs.close();
    }

    @Test
    void fetchFailuresShowOnStatusAtOnceFailHealthPastTheBoundAndClearWhenGitIsBack() throws Exception {
        String head = GitRemotes.log(remote).get(0).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> git().path("head").asText().equals(head));
        assertThat(get("/healthz").statusCode()).isEqualTo(200);

        Path away = Files.move(remote, dir.resolve("fleet.git.away"));

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/healthz").statusCode() == 503);
        JsonNode health = JSON.readTree(get("/healthz").body());
        assertThat(health.get("status").asText()).isEqualTo("failing");
        assertThat(health.get("failing")).extracting(JsonNode::asText).containsExactly("sync/fetch");
        JsonNode fetch = loop(health, "sync/fetch");
        assertThat(fetch.get("failing").asText()).contains("fetches failed in a row since", "(sync.maxFetchFailures: 3)");
        JsonNode git = git();
        assertThat(git.get("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(BOUND);
        assertThat(git.get("lastError").asText()).contains("fleet.git");
        assertThat(git.get("head").asText()).as("the last head that was fetched").isEqualTo(head);
        assertThat(fetchLines(Level.WARN)).as("logged once, not at every failed poll").singleElement().asString()
                .contains("fetch failed, retrying every poll");
        assertThat(fetchLines(Level.ERROR)).singleElement().asString()
                .contains("fetch has failed 3 times in a row since", "/healthz fails until a fetch works");

        Files.move(away, remote);

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/healthz").statusCode() == 200);
        await().atMost(Duration.ofSeconds(5)).until(() -> git().path("consecutiveFailures").asInt() == 0);
        assertThat(git().get("lastError").isNull()).isTrue();
        assertThat(fetchLines(Level.INFO)).singleElement().asString().contains("fetch works again");
        assertThat(fetchLines(Level.WARN)).hasSize(1);
    }

    private JsonNode git() throws IOException, InterruptedException {
        return JSON.readTree(get("/status").body()).path("git");
    }

    private static JsonNode loop(JsonNode health, String name) {
        for (JsonNode loop : health.get("loops")) {
            if (loop.get("name").asText().equals(name)) {
                return loop;
            }
        }
        throw new AssertionError("no loop " + name + " in " + health);
    }

    /** The lines about fetching, from the sync loop and the health wiring, at {@code level}. */
    private List<String> fetchLines(Level level) {
        return logs.linesAt(level).stream()
                .filter(line -> line.contains("SyncLoop") || line.contains("Observability"))
                .filter(line -> line.contains("fetch"))
                .toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
