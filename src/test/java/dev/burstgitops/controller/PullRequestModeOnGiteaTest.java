package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GiteaServer;
import dev.burstgitops.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * git.writeMode: pull-request, configured as a Gitea user would (provider gitea, the token in a
 * file for both git and the API), against a real Gitea: the burst loop's passes end in Gitea's
 * pull requests and branches.
 */
class PullRequestModeOnGiteaTest {

    private static final GiteaServer GITEA = GiteaServer.shared();

    @TempDir
    Path dir;

    private final AtomicReference<Double> rate = new AtomicReference<>(20.0);
    // Gitea stamps its pull requests with the real time; the loop's clock starts there.
    private final MutableClock clock = new MutableClock(Instant.now());
    private String repo;
    private JGitWorkspace workspace;
    private BurstLoop loop;

    @BeforeEach
    void setUp() throws Exception {
        String vs = BurstLoopFixture.VS_FILE;
        repo = GITEA.createRepository("fleet", Map.of(vs, Files.readString(Path.of(vs))));
        Files.writeString(dir.resolve("gitea-token"), GITEA.controllerToken().reveal());
        Path configFile = ConfigYaml.forRemote(GITEA.cloneUrl(repo))
                .git("auth: { username: " + GiteaServer.CONTROLLER + ", tokenFile: gitea-token }")
                .git("writeMode: pull-request")
                .git("pullRequest: { provider: gitea, apiUrl: '" + GITEA.apiUrl() + "', repository: "
                        + GITEA.repository(repo) + ", tokenFile: gitea-token }")
                .prometheus("http://127.0.0.1:9")
                .workerPolicy("worker_rate")
                .writeTo(dir.resolve("burst-gitops.yaml"));
        BurstGitopsConfig config = ConfigLoader.load(configFile);
        workspace = Adapters.workspace(config, clock);
        loop = BurstLoop.create(config, promql -> new Sample(rate.get(), clock.instant(), 1), workspace, clock);
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void aBurstDecisionIsProposedAsOnePullRequestInGitea() throws Exception {
        PassResult first = loop.passes().get(0).run();
        PassResult second = loop.passes().get(0).run();

        assertThat(first.commit()).isEmpty();
        assertThat(first.summary()).startsWith("worker: burst at 20 req/s, proposed ")
                .contains(GITEA.baseUrl() + GITEA.repository(repo) + "/pulls/1");
        assertThat(second.summary()).contains("waiting for review of");
        JsonNode open = GITEA.read("/repos/" + GITEA.repository(repo) + "/pulls?state=open");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("title").asText()).isEqualTo("burst(worker): natural -> burst at 20 req/s (> 15 req/s for 0s)");
        assertThat(open.get(0).path("head").path("ref").asText()).isEqualTo("burst-gitops/worker");
    }

    @Test
    void whenTheRateFallsBackBeforeTheMergeThePullRequestIsClosedAndItsBranchDeleted() throws Exception {
        loop.passes().get(0).run();
        rate.set(5.0);

        loop.passes().get(0).run();

        assertThat(GITEA.read("/repos/" + GITEA.repository(repo) + "/pulls?state=open")).isEmpty();
        assertThat(GITEA.read("/repos/" + GITEA.repository(repo) + "/pulls/1").path("state").asText()).isEqualTo("closed");
        assertThat(GITEA.read("/repos/" + GITEA.repository(repo) + "/branches")).singleElement()
                .satisfies(branch -> assertThat(branch.path("name").asText()).isEqualTo("main"));
    }

    @Test
    void aPullRequestAPersonClosedIsNotReopenedAndThePassSaysWhy() throws Exception {
        loop.passes().get(0).run();
        GITEA.asPerson("PATCH", "/repos/" + GITEA.repository(repo) + "/pulls/1", Map.of("state", "closed"));
        clock.advance(Duration.ofMinutes(2));

        PassResult held = loop.passes().get(0).run();

        assertThat(held.summary()).contains("holding back: a person closed " + GITEA.baseUrl() + GITEA.repository(repo)
                + "/pulls/1 without merging; proposing again at ");
        assertThat(GITEA.read("/repos/" + GITEA.repository(repo) + "/pulls?state=open")).isEmpty();
    }
}
