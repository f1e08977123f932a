package dev.burstgitops.leader;

import static dev.burstgitops.leader.LeaderCandidate.SHORT_LEASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.config.LeaderElectionConfig;
import dev.burstgitops.sync.KubernetesClients;
import dev.burstgitops.testing.KubeFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller's view of leader election: its loops run while the gate is open, and only then. */
class LeaderGateTest {

    @TempDir
    Path dir;

    private KubeFixture primary;
    private KubernetesClient client;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startPrimaryCluster() throws IOException {
        primary = KubeFixture.start("primary", dir);
        LeaderCandidate.createNamespace(primary, SHORT_LEASE.namespace());
        client = KubernetesClients.connect(primary.target());
        primary.forgetRequests();
    }

    @AfterEach
    void stopPrimaryCluster() {
        client.close();
        primary.close();
    }

    @Test
    void withElectionDisabledTheLoopsStartAtOnceStopOnCloseAndTheClusterIsNeverAsked() {
        LeaderElectionConfig disabled = new LeaderElectionConfig(false, "burst-gitops", "burst-gitops",
                Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
        LeaderGate gate = LeaderGate.forConfig(disabled, client);

        gate.whileLeading(() -> events.add("start"), () -> events.add("stop"));
        assertThat(events).containsExactly("start");
        assertThat(gate.isOpen()).isTrue();

        gate.close();
        assertThat(events).containsExactly("start", "stop");
        assertThat(gate.isOpen()).isFalse();
        assertThat(primary.requests()).isEmpty();
    }

    @Test
    void withElectionTheLoopsRunOnlyOnTheLeaderAndMoveToTheOtherReplicaWhenTheLeaderShutsDown() {
        try (LeaderGate first = LeaderGate.openWhileLeading(new LeaderElection(client, SHORT_LEASE, "replica-a"));
             LeaderGate second = LeaderGate.openWhileLeading(new LeaderElection(client, SHORT_LEASE, "replica-b"))) {
            first.whileLeading(() -> events.add("a start"), () -> events.add("a stop"));
            await().atMost(Duration.ofSeconds(3)).until(first::isOpen);
            second.whileLeading(() -> events.add("b start"), () -> events.add("b stop"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !second.isOpen());

            first.close();

            await().atMost(SHORT_LEASE.leaseDuration().plusSeconds(1)).until(second::isOpen);
            assertThat(events).containsExactly("a start", "a stop", "b start");
        }
        assertThat(events).containsExactly("a start", "a stop", "b start", "b stop");
    }

    @Test
    void aGateTakesOnePairOfLoops() {
        try (LeaderGate gate = LeaderGate.alwaysOpen()) {
            gate.whileLeading(() -> { }, () -> { });

            assertThatThrownBy(() -> gate.whileLeading(() -> { }, () -> { }))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
