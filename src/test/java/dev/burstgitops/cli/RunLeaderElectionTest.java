package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.PrometheusCounterSeries;
import dev.burstgitops.testing.PrometheusServer;
import dev.burstgitops.testing.RepositoryFiles;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code run} replicas against one primary API server: exactly one writes; stop it and the other leads. */
@Tag("wall-clock")
class RunLeaderElectionTest {

    @TempDir
    Path dir;

    private PrometheusServer prometheus;
    private KubeFixture primary;
    private Path remote;
    private Process first;
    private Process second;

    @BeforeEach
    void setUp() throws Exception {
        prometheus = PrometheusServer.start(List.of(PrometheusCounterSeries.referenceWorker(20)));
        primary = KubeFixture.start("primary", dir);
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), RepositoryFiles.of("apps", "clusters"));
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(primary.kubeconfig()))).build()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("burst-gitops")
                    .endMetadata().build()).create();
        }
    }

    @AfterEach
    void tearDown() {
        for (Process process : new Process[] {first, second}) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
        primary.close();
        prometheus.close();
    }

    @Test
    void onlyTheLeaderWritesAndAStoppedLeaderHandsOverAtOnce() throws Exception {
        first = start("first");
        await().atMost(Duration.ofSeconds(60)).until(() -> log("first").contains("starting:"));
        second = start("second");
        await().atMost(Duration.ofSeconds(30)).until(() -> GitRemotes.log(remote).size() == 2);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> !log("second").contains("starting:"));

        first.destroy();

        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        // The lease was released on the clean stop, so the standby need not wait for it to expire.
        await().atMost(Duration.ofSeconds(10)).until(() -> log("second").contains("starting:"));
        assertThat(primary.kubectl().run("get", "lease", "burst-gitops", "-n", "burst-gitops",
                "-o", "jsonpath={.spec.holderIdentity}")).isEqualTo("replica-second");
        assertThat(GitRemotes.log(remote)).hasSize(2);
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private Process start(String name) throws Exception {
        Path config = ConfigYaml.forRemote(remote.toUri()).git("checkoutDir: checkout-" + name)
                .prometheus(prometheus.uri())
                .workerPolicy(PrometheusServer.REFERENCE_WORKER_QUERY, "interval: 500ms")
                // A short lease for the test, and so a request timeout shorter still, as the config requires.
                .cluster("primary", primary.kubeconfig(),
                        "allowedClusterScopedKinds: [Namespace, ClusterRole, ClusterRoleBinding, PriorityClass]",
                        "requestTimeout: 3s")
                .section("server: { port: 0 }")
                .section("leaderElection: { enabled: true, leaseDuration: 4s, renewDeadline: 3s, retryPeriod: 500ms }")
                .writeTo(dir.resolve(name + ".yaml"));
        return RunReplicas.start(config, dir, name);
    }
}
