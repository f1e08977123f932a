package dev.burstgitops.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.testing.KubeFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit-only mode ({@code clusters: []}, next to Argo CD or Flux): leader election still needs a
 * cluster for its Lease, given by {@code leaderElection.kubeconfig} or, in a pod, its own cluster.
 */
class CommitOnlyLeaderElectionTest {

    @TempDir
    Path dir;

    private BurstGitopsConfig config(String leaderElection) throws Exception {
        return ConfigLoader.parse("""
                git:
                  url: file:///srv/fleet.git
                clusters: []
                leaderElection:
                """ + leaderElection.indent(2), "burst-gitops.yaml", dir);
    }

    @Test
    void withoutClustersTheLeaseGoesWhereLeaderElectionKubeconfigPointsAndTheLoopsStartThere() throws Exception {
        try (KubeFixture home = KubeFixture.start("home", dir)) {
            LeaderCandidate.createNamespace(home, "burst-gitops");
            BurstGitopsConfig config = config("enabled: true\nkubeconfig: " + home.kubeconfig()
                    + "\ncontext: home\nleaseDuration: 2s\nrenewDeadline: 1500ms\nretryPeriod: 250ms");
            List<String> events = new CopyOnWriteArrayList<>();

            try (LeaderGate gate = Leadership.gate(config)) {
                gate.whileLeading(() -> events.add("start"), () -> events.add("stop"));

                await().atMost(Duration.ofSeconds(10)).until(gate::isOpen);
                assertThat(events).containsExactly("start");
                assertThat(home.kubectl().run("-n", "burst-gitops", "get", "lease", "burst-gitops", "-o",
                        "jsonpath={.spec.holderIdentity}")).isNotBlank();
            }
            assertThat(events).containsExactly("start", "stop");
        }
    }

    @Test
    void withoutClustersOrAKubeconfigTheLeaseIsInThePodsOwnCluster() throws Exception {
        ClusterTarget target = Leadership.leaseTarget(config("enabled: true"));

        assertThat(target.inCluster()).isTrue();
        assertThat(Leadership.leaseTarget(config("enabled: true\nkubeconfig: in-cluster")).inCluster()).isTrue();
    }

    @Test
    void aKubeconfigForTheLeaseMeansNoConfiguredClusterHoldsIt() throws Exception {
        BurstGitopsConfig config = config("enabled: true\nkubeconfig: lease.kubeconfig");

        assertThat(config.leaseCluster()).isEmpty();
        assertThat(Leadership.leaseTarget(config).kubeconfig()).isEqualTo(dir.resolve("lease.kubeconfig").toString());
    }
}
