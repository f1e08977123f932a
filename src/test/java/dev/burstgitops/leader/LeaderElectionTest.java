package dev.burstgitops.leader;

import static dev.burstgitops.leader.LeaderCandidate.SHORT_LEASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.config.LeaderElectionConfig;
import dev.burstgitops.testing.KubeFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas campaign for one Lease on a real API server, with a 2 s lease: one leads,
 * a clean shutdown hands over at once, a cut-off leader stops before its successor starts.
 * The real {@code kubectl} reads the Lease back as an independent client.
 */
@Tag("wall-clock")
class LeaderElectionTest {

    private static final Duration MARGIN = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private KubeFixture primary;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void startPrimaryClusterWithTheLeaseNamespace() {
        primary = KubeFixture.start("primary", dir);
        LeaderCandidate.createNamespace(primary, SHORT_LEASE.namespace());
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        primary.close();
    }

    @Test
    void exactlyOneOfTwoCandidatesLeadsAndKeepsLeadingAcrossSeveralLeaseDurations() {
        LeaderCandidate a = candidate("replica-a").campaign();
        LeaderCandidate b = candidate("replica-b").campaign();

        await().atMost(SHORT_LEASE.leaseDuration().plus(MARGIN)).until(() -> a.leads() ^ b.leads());
        LeaderCandidate leader = a.leads() ? a : b;
        LeaderCandidate follower = leader == a ? b : a;

        // Polled throughout, across more than one lease duration: the renewals keep it.
        await().during(SHORT_LEASE.leaseDuration().multipliedBy(2)).atMost(Duration.ofSeconds(6))
                .until(() -> leader.leads() && !follower.leads());
        assertThat(leader.timesStarted()).isEqualTo(1);
        assertThat(follower.timesStarted()).isZero();
        assertThat(holderSeenByKubectl()).isEqualTo(leader.identity());
    }

    @Test
    void closingTheLeaderHandsTheLeaseToTheOtherWithinTheLeaseDuration() {
        LeaderCandidate first = candidate("replica-a").campaign();
        await().atMost(SHORT_LEASE.leaseDuration().plus(MARGIN)).until(first::leads);
        LeaderCandidate second = candidate("replica-b").campaign();

        first.close();

        assertThat(first.leads()).isFalse();
        assertThat(first.timesStopped()).as("onStoppedLeading ran before close returned").isEqualTo(1);
        await().atMost(SHORT_LEASE.leaseDuration().plus(MARGIN)).until(second::leads);
        assertThat(holderSeenByKubectl()).isEqualTo("replica-b");
    }

    @Test
    void closingTheOnlyLeaderEmptiesTheLeaseHolderSoASuccessorNeedNotWaitForExpiry() {
        LeaderCandidate only = candidate("replica-a").campaign();
        await().atMost(SHORT_LEASE.leaseDuration().plus(MARGIN)).until(only::leads);
        assertThat(holderSeenByKubectl()).isEqualTo("replica-a");

        only.close();

        assertThat(holderSeenByKubectl()).isEmpty();
    }

    @Test
    void aLeaderCutOffFromTheApiServerStopsLeadingBeforeTheOtherTakesOverAfterTheLeaseExpires() {
        LeaderNetworkCut network = open(LeaderNetworkCut.relayTo(primary.server().url().getPort()));
        LeaderCandidate cutOff = candidateThrough(network, "replica-a").campaign();
        await().atMost(SHORT_LEASE.leaseDuration().plus(MARGIN)).until(cutOff::leads);
        LeaderCandidate other = candidate("replica-b").campaign();

        network.cut();

        await().atMost(SHORT_LEASE.renewDeadline().plus(MARGIN)).until(() -> cutOff.timesStopped() == 1);
        assertThat(cutOff.leads()).isFalse();
        await().atMost(SHORT_LEASE.leaseDuration().plus(MARGIN)).until(other::leads);
        assertThat(cutOff.lastStoppedNanos()).as("the old leader stopped before the new one started")
                .isLessThan(other.lastStartedNanos());
        assertThat(holderSeenByKubectl()).isEqualTo("replica-b");
    }

    @Test
    void aReplicaThatLostTheLeaseToAnOutageLeadsAgainWhenTheApiServerIsBack() {
        LeaderNetworkCut network = open(LeaderNetworkCut.relayTo(primary.server().url().getPort()));
        LeaderCandidate only = candidateThrough(network, "replica-a").campaign();
        await().atMost(SHORT_LEASE.leaseDuration().plus(MARGIN)).until(only::leads);

        network.cut();
        await().atMost(SHORT_LEASE.renewDeadline().plus(MARGIN)).until(() -> !only.leads());
        network.restore();

        await().atMost(SHORT_LEASE.leaseDuration().plus(MARGIN)).until(only::leads);
        assertThat(only.timesStarted()).isEqualTo(2);
        assertThat(only.timesStopped()).isEqualTo(1);
    }

    @Test
    void aCandidateRefusesToStartWhenTheLeaseNamespaceIsMissing() {
        primary.forgetRequests();
        LeaderElectionConfig elsewhere = new LeaderElectionConfig(true, "nowhere", SHORT_LEASE.leaseName(),
                SHORT_LEASE.leaseDuration(), SHORT_LEASE.renewDeadline(), SHORT_LEASE.retryPeriod());
        LeaderCandidate candidate = open(LeaderCandidate.on(primary.kubeconfig(), "primary", "replica-a", elsewhere));

        assertThatThrownBy(candidate::campaign)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leaderElection.namespace")
                .hasMessageContaining("nowhere does not exist");
        assertThat(primary.writes()).as("nothing written").isEmpty();
    }

    private LeaderCandidate candidate(String identity) {
        return open(LeaderCandidate.on(primary.kubeconfig(), "primary", identity, SHORT_LEASE));
    }

    private LeaderCandidate candidateThrough(LeaderNetworkCut network, String identity) {
        Path kubeconfig = LeaderCandidate.kubeconfigThrough(network, primary.kubeconfig(),
                primary.server().url().toString(), dir.resolve(identity + ".kubeconfig"));
        return open(LeaderCandidate.on(kubeconfig, "primary", identity, SHORT_LEASE));
    }

    @SuppressWarnings("unchecked")
    private String holderSeenByKubectl() {
        Map<String, Object> lease = primary.kubectl().getJson("lease", SHORT_LEASE.namespace(), SHORT_LEASE.leaseName());
        Object holder = ((Map<String, Object>) lease.get("spec")).get("holderIdentity");
        return holder == null ? "" : holder.toString();
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(0, closeable);
        return closeable;
    }
}
