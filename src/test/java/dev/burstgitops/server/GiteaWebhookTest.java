package dev.burstgitops.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burstgitops.config.Secret;
import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import dev.burstgitops.testing.CapturedLogs;
import dev.burstgitops.testing.GitCli;
import dev.burstgitops.testing.GiteaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook deliveries made by a real Gitea to the controller's webhook listener on 127.0.0.1:
 * Gitea signs them (X-Gitea-Signature, and X-Hub-Signature-256 alike) with the hook's secret.
 * Since a real Gitea sends both headers, a delivery carrying only X-Gitea-Signature (older Gitea,
 * Forgejo setups) is built by hand in {@link WebhookEndpointTest}.
 */
class GiteaWebhookTest {

    private static final GiteaServer GITEA = GiteaServer.shared();
    private static final String SECRET = "gitea-webhook-s3cr3t";

    @TempDir
    Path tmp;

    private final RecordingListener listener = new RecordingListener();
    private final RunningServer server = RunningServer.start(
            ServerSettings.of("127.0.0.1", 0, Optional.of(Secret.of(SECRET, "test"))),
            new ServerInputs(new ControllerMetrics(), new LoopHealth(Clock.systemUTC()), new Readiness(), Map::of, listener));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPushToGiteaReachesTheListenerThroughASignedDelivery() throws Exception {
        String repo = GITEA.createRepository("hooked", Map.of("README.md", "fleet\n"));
        addHook(repo, SECRET);

        push(repo);

        await("Gitea's push delivery").atMost(Duration.ofSeconds(60))
                .until(() -> listener.deliveries().stream().anyMatch(delivery -> delivery.startsWith("push ")));
        assertThat(listener.deliveries()).singleElement().asString().matches("push [0-9a-f-]{36}");
    }

    @Test
    void aDeliverySignedWithAnotherSecretIsRefusedAndNothingLeaksIntoTheLog() throws Exception {
        String repo = GITEA.createRepository("hooked", Map.of("README.md", "fleet\n"));
        addHook(repo, "not-" + SECRET);

        try (CapturedLogs logs = CapturedLogs.capture()) {
            push(repo);

            await("the refusal of Gitea's delivery").atMost(Duration.ofSeconds(60))
                    .until(() -> logs.lines().stream().anyMatch(line ->
                            line.contains(" refused: ") && line.contains("does not match the body")));
            assertThat(logs.lines()).noneMatch(line -> line.contains(SECRET));
        }
        assertThat(listener.deliveries()).isEmpty();
    }

    private void addHook(String repo, String secret) {
        JsonNode hook = GITEA.asPerson("POST", "/repos/" + GITEA.repository(repo) + "/hooks", Map.of(
                "type", "gitea",
                "active", true,
                "events", List.of("push"),
                "config", Map.of("url", "http://127.0.0.1:" + server.webhookPort() + "/hooks/git",
                        "content_type", "json", "secret", secret)));
        assertThat(hook.path("id").asInt()).isPositive();
    }

    private void push(String repo) throws Exception {
        Path clone = tmp.resolve("clone");
        GitCli.run(tmp, GITEA.gitEnvironment(), "clone", "--quiet", GITEA.cloneUrl(repo).toString(), clone.toString());
        Files.writeString(clone.resolve("README.md"), "fleet, edited\n");
        GitCli.run(clone, Map.of("GIT_AUTHOR_NAME", "Alice", "GIT_AUTHOR_EMAIL", "alice@example.com",
                "GIT_COMMITTER_NAME", "Alice", "GIT_COMMITTER_EMAIL", "alice@example.com"), "commit", "--quiet", "-am", "edit");
        GitCli.run(clone, GITEA.gitEnvironment(), "push", "--quiet", "origin", "main");
    }
}
