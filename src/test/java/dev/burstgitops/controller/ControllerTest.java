package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.RepositoryFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both loops together: a decision commit reaches the primary cluster without waiting for a poll. */
class ControllerTest {

    @TempDir
    Path dir;

    private KubeFixture primary;
    private KubeFixture burst;
    private Path remote;
    private Controller controller;
    private final AtomicReference<Double> rate = new AtomicReference<>(5.0);

    @BeforeEach
    void setUp() throws Exception {
        primary = KubeFixture.start("primary", dir);
        burst = KubeFixture.start("burst", dir);
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), RepositoryFiles.of("apps", "clusters"));
        // A one-hour poll, so that only the in-process trigger can explain a quick sync.
        Path configFile = ConfigYaml.forRemote(remote.toUri()).git("pollInterval: 1h")
                .prometheus("http://127.0.0.1:9")
                .workerPolicy("worker_rate", "interval: 200ms")
                .primary(primary.kubeconfig()).burst(burst.kubeconfig())
                .section("sync:\n  interval: 1h")
                .writeTo(dir.resolve("burst-gitops.yaml"));
        BurstGitopsConfig config = ConfigLoader.load(configFile);
        controller = Controller.create(config, promql -> new Sample(rate.get(), java.time.Instant.now(), 1),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        controller.close();
        primary.close();
        burst.close();
    }

    @Test
    void aBurstCommitIsAppliedToThePrimaryClusterWithoutWaitingForAPoll() {
        controller.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> weights().equals("100 0"));

        rate.set(20.0);

        await().atMost(Duration.ofSeconds(20)).until(() -> weights().equals("0 100"));
        List<GitLoggedCommit> log = GitRemotes.log(remote);
        assertThat(log.get(0).trailerValues("Burst-Decision")).containsExactly("natural -> burst");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(controller.status().snapshot()
                .clusters().get("primary").lastSyncedCommit()).isEqualTo(log.get(0).id()));
        assertThat(controller.status().snapshot().policies().get("worker").mode()).isEqualTo("burst");

        rate.set(5.0);

        await().atMost(Duration.ofSeconds(20)).until(() -> weights().equals("100 0"));
        assertThat(GitRemotes.log(remote).get(0).subject()).startsWith("burst(worker): burst -> natural at 5 req/s");
    }

    private String weights() {
        return primary.kubectl().tryRun("get", "virtualservice", "worker-virtual-service", "-n", "default",
                "-o", "jsonpath={.spec.http[0].route[*].weight}").stdout().strip();
    }
}
