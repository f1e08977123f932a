package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.gitops.PullRequestTestForge;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git.writeMode: pull-request, configured as users do: decisions become one pull request per policy. */
class PullRequestModeTest {

    @TempDir
    Path dir;

    private final PullRequestTestForge forge = new PullRequestTestForge();
    private final AtomicReference<Double> rate = new AtomicReference<>(20.0);
    private Path remote;
    private JGitWorkspace workspace;
    private BurstLoop loop;

    @BeforeEach
    void setUp() throws Exception {
        String vs = BurstLoopFixture.VS_FILE;
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(vs, Files.readString(Path.of(vs))));
        Files.writeString(dir.resolve("forge-token"), PullRequestTestForge.TOKEN.reveal());
        Path configFile = ConfigYaml.forRemote(remote.toUri()).git("writeMode: pull-request")
                .git("pullRequest: { provider: github, apiUrl: '" + forge.apiUrl()
                        + "', repository: acme/fleet, tokenFile: forge-token }")
                .prometheus("http://127.0.0.1:9")
                .workerPolicy("worker_rate")
                .writeTo(dir.resolve("burst-gitops.yaml"));
        BurstGitopsConfig config = ConfigLoader.load(configFile);
        MutableClock clock = new MutableClock(BurstLoopFixture.START);
        workspace = Adapters.workspace(config, clock);
        loop = BurstLoop.create(config, promql -> new Sample(rate.get(), clock.instant(), 1), workspace, clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        workspace.close();
        forge.close();
    }

    @Test
    void aBurstDecisionIsProposedAsOnePullRequestAndTheBaseBranchIsUntouched() throws Exception {
        PassResult first = loop.passes().get(0).run();
        PassResult second = loop.passes().get(0).run();

        assertThat(first.commit()).isEmpty();
        assertThat(first.summary()).startsWith("worker: burst at 20 req/s, proposed ").contains("/pull/42");
        assertThat(second.summary()).contains("waiting for review of");
        assertThat(forge.open()).singleElement().satisfies(pull -> {
            assertThat(pull.head()).isEqualTo("burst-gitops/worker");
            assertThat(pull.base()).isEqualTo("main");
            assertThat(pull.title()).isEqualTo("burst(worker): natural -> burst at 20 req/s (> 15 req/s for 0s)");
        });
        assertThat(GitRemotes.log(remote, "main")).hasSize(1);
        assertThat(GitRemotes.show(remote, "burst-gitops/worker", BurstLoopFixture.VS_FILE)).contains("weight: 100");
    }

    @Test
    void whenTheRateFallsBackBeforeTheMergeThePullRequestIsClosed() throws Exception {
        loop.passes().get(0).run();
        rate.set(5.0);

        loop.passes().get(0).run();

        assertThat(forge.open()).isEmpty();
        assertThat(forge.pull(42).state()).isEqualTo("closed");
    }

    @Test
    void anOverrideFromTheCommandLineIsProposedForReviewToo() {
        var out = new java.io.StringWriter();
        var commandLine = dev.burstgitops.cli.Main.commandLine();
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));

        int exit = commandLine.execute("override", "set", "worker", "natural", "--for", "2h", "--reason",
                "burst cluster upgrade", "--config", dir.resolve("burst-gitops.yaml").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("as a pull request");
        assertThat(forge.open()).singleElement().satisfies(pull -> {
            assertThat(pull.head()).isEqualTo("burst-gitops/override-worker");
            assertThat(pull.title()).startsWith("override(worker): natural until ");
        });
        assertThat(GitRemotes.show(remote, "burst-gitops/override-worker", "overrides/worker.yaml"))
                .contains("reason: \"burst cluster upgrade\"");
        assertThat(GitRemotes.log(remote, "main")).hasSize(1);
    }
}
