package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.config.LeaderElectionConfig;
import dev.burstgitops.leader.LeaderCandidate;
import dev.burstgitops.leader.LeaderGate;
import dev.burstgitops.leader.LeaderNetworkCut;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write fence, end to end: two {@link Controller} replicas behind {@link LeaderGate}s, wired as
 * {@code run} wires them, a real Lease in the API server of cluster {@code primary}, and a second
 * real API server, {@code edge}, that both replicas sync. Replica A loses its path to the lease
 * (a partitioned pod) while it still reaches edge: from the moment it stops leading, neither its
 * running pass nor the one queued behind it writes to edge again. The edge server's audit log is
 * the witness; the replica that takes over then syncs what A did not.
 *
 * <p>A lease won back after the loops stopped. {@code run} closes its controller before its leader
 * gate (the lease is released last), so the elector campaigns on while the controller halts and
 * closes, and may report leadership again: a controller that lost its lease or began to close must
 * then neither start its loops nor let its fence hold again. The Lease is reached through a relay
 * the test cuts and restores; edge's audit log is again the witness.
 */
@Tag("wall-clock")
class LostLeaseFenceTest {

    private static final GitAuthor DEV = new GitAuthor("Dana Developer", "dana@example.com");
    private static final Duration PASS_WITHIN = Duration.ofSeconds(30);
    /**
     * A short lease, but with 500 ms for each call to it (the retry period) so that a busy machine
     * does not cost A its lease before the test cuts it; the read A's pass is held on (10 s request
     * timeout; 60 s in the tests where A wins the lease back) easily outlasts the 2 s renew deadline.
     */
    private static final LeaderElectionConfig LEASE = new LeaderElectionConfig(true, "burst-gitops", "burst-gitops",
            Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(500));

    @TempDir
    Path dir;

    private KubeFixture primary;
    private KubeFixture edge;
    private Path remote;
    private GitClient person;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void startTheLeaseClusterTheSyncedClusterAndTheRepository() {
        primary = KubeFixture.start("primary", dir);
        LeaderCandidate.createNamespace(primary, LEASE.namespace());
        edge = KubeFixture.start("edge", dir);
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of("clusters/edge/a.yaml", configMap("a")));
        person = GitClient.clone(remote.toUri().toString(), dir.resolve("person"), GitRemotes.BRANCH);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        edge.close();
        primary.close();
    }

    @Test
    void aReplicaThatLostTheLeaseWritesNothingMoreFromItsRunningOrQueuedPassAndTheNewLeaderSyncsThem() {
        LeaderNetworkCut leaseLink = open(LeaderNetworkCut.relayTo(primary.server().url().getPort()));
        LeaderNetworkCut edgeLink = open(LeaderNetworkCut.relayTo(edge.server().url().getPort()));
        // When A stops leading, the edge audit log is marked. Both replicas connect as the same
        // user, so B campaigns only once A has closed: every request after the mark until then is A's.
        LeaseReplica a = open(new LeaseReplica("a", dir, remote, LEASE, through(leaseLink, primary),
                through(edgeLink, edge))).campaign(edge::forgetRequests);
        String seed = GitRemotes.log(remote).get(0).id();
        await("A's first pass").atMost(PASS_WITHIN).until(() -> a.passAt(seed).isPresent());
        assertThat(a.passAt(seed).get().failed()).as(a.passAt(seed).get().summary()).isFalse();

        // A running pass, held at a point we know: A's link to edge stalls (a real TCP relay that
        // stops carrying bytes, as a congested link does), so A's pass of x blocks on its first
        // request, a read, which the server has not seen. No fake applier, no sleep.
        edgeLink.stall();
        String x = person.write("clusters/edge/x.yaml", configMap("x")).commitAndPush(DEV, "Add x");
        a.controller.syncLoop().trigger("push of x");
        await("A's pass of x held in the stalled link").atMost(PASS_WITHIN)
                .until(() -> edgeLink.heldFromClient() > 0);
        // A queued pass: the next revision is handed to edge's worker while it is busy with x.
        String y = person.write("clusters/edge/y.yaml", configMap("y")).commitAndPush(DEV, "Add y");
        a.controller.syncLoop().trigger("push of y");
        await("A's fetch of y").atMost(PASS_WITHIN).until(() -> y.equals(a.controller.syncLoop().head()));
        assertThat(a.lostLease).as("A still leads when the test cuts its path to the lease").isFalse();

        leaseLink.cut();
        await("A stops leading").atMost(LEASE.renewDeadline().plusSeconds(5)).untilTrue(a.lostLease);
        edgeLink.resume();

        await("A's passes of x and y").atMost(PASS_WITHIN)
                .until(() -> a.passAt(x).isPresent() && a.passAt(y).isPresent());
        List<ApiRequest> byAAfterTheLoss = edge.requests().stream().filter(ApiRequest::byController).toList();
        assertThat(byAAfterTheLoss).as("the running pass went on to reach edge after the loss").isNotEmpty();
        assertThat(byAAfterTheLoss).filteredOn(ApiRequest::isWrite)
                .as("writes by the controller after A stopped leading").isEmpty();
        assertThat(a.passAt(x).get().summary()).contains("failed: this replica no longer leads")
                .contains("stopped before its next write");
        assertThat(a.passAt(y).get().summary()).contains("failed: this replica no longer leads")
                .contains("queued pass was not started");
        assertThat(edge.kubectl().tryRun("get", "configmap", "x", "-n", "default").succeeded()).isFalse();
        assertThat(edge.kubectl().tryRun("get", "configmap", "y", "-n", "default").succeeded()).isFalse();

        // As run does after a lost lease: close the loops (then the process exits 1).
        a.close();
        edge.forgetRequests();
        LeaseReplica b = open(new LeaseReplica("b", dir, remote, LEASE, primary.kubeconfig(), edge.kubeconfig()))
                .campaign(() -> { });

        await("B's pass of y").atMost(LEASE.leaseDuration().plus(PASS_WITHIN)).until(() -> b.passAt(y).isPresent());
        assertThat(b.passAt(y).get()).isInstanceOfSatisfying(ClusterPassResult.Synced.class, synced -> {
            assertThat(synced.report().created()).as(synced.summary()).isEqualTo(2);
            assertThat(synced.report().failed()).as(synced.summary()).isZero();
        });
        assertThat(edge.writes()).filteredOn(ApiRequest::byController).extracting(ApiRequest::path)
                .anyMatch(path -> path.endsWith("/configmaps/x")).anyMatch(path -> path.endsWith("/configmaps/y"));
        assertThat(edge.kubectl().run("get", "configmap", "x", "y", "-n", "default", "-o", "name").lines())
                .containsExactly("configmap/x", "configmap/y");
    }

    @Test
    void aControllerWhoseCloseBeganLetsNoPassWriteAgainWhenItWinsTheLeaseBack() {
        LeaderNetworkCut leaseLink = open(LeaderNetworkCut.relayTo(primary.server().url().getPort()));
        LeaderNetworkCut edgeLink = open(LeaderNetworkCut.relayTo(edge.server().url().getPort()));
        LeaseReplica a = replicaWithLongEdgeTimeout(through(leaseLink, primary), through(edgeLink, edge));
        String seed = GitRemotes.log(remote).get(0).id();
        await("A's first pass").atMost(PASS_WITHIN).until(() -> a.passAt(seed).isPresent());

        // A pass held in flight on a stalled link to edge, so that close() waits for it.
        edgeLink.stall();
        String x = person.write("clusters/edge/x.yaml", configMap("x")).commitAndPush(DEV, "Add x");
        a.controller.syncLoop().trigger("push of x");
        await("A's pass of x held in the stalled link").atMost(PASS_WITHIN)
                .until(() -> edgeLink.heldFromClient() > 0);
        leaseLink.cut();
        await("A stops leading").atMost(LEASE.renewDeadline().plusSeconds(5)).untilTrue(a.lostLease);
        Thread closing = new Thread(a.controller::close, "closing-controller");
        closing.start();
        await("close() waits for the pass in flight").atMost(PASS_WITHIN).until(() ->
                EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING).contains(closing.getState()));

        // The elector, still campaigning, wins the lease back while the controller closes.
        leaseLink.restore();
        await("A's elector reports leadership again").atMost(LEASE.leaseDuration().plusSeconds(5))
                .until(() -> a.timesLeading.get() == 2);
        edgeLink.resume();
        await("close() returns once the pass ended").atMost(PASS_WITHIN).until(() -> !closing.isAlive());

        assertThat(a.passAt(x)).hasValueSatisfying(pass -> assertThat(pass.summary())
                .contains("failed: this replica no longer leads"));
        assertThat(edge.requests()).filteredOn(ApiRequest::byController).filteredOn(ApiRequest::isWrite)
                .as("writes by the controller after A stopped leading").isEmpty();
        assertThat(edge.kubectl().tryRun("get", "configmap", "x", "-n", "default").succeeded()).isFalse();
    }

    @Test
    void aControllerThatLostItsLeaseStartsNoLoopWhenItWinsTheLeaseBackBeforeItCloses() {
        LeaderNetworkCut leaseLink = open(LeaderNetworkCut.relayTo(primary.server().url().getPort()));
        LeaseReplica a = replicaWithLongEdgeTimeout(through(leaseLink, primary), edge.kubeconfig());
        String seed = GitRemotes.log(remote).get(0).id();
        await("A's first pass").atMost(PASS_WITHIN).until(() -> a.passAt(seed).isPresent());

        leaseLink.cut();
        await("A stops leading").atMost(LEASE.renewDeadline().plusSeconds(5)).untilTrue(a.lostLease);
        leaseLink.restore();
        await("A's elector reports leadership again").atMost(LEASE.leaseDuration().plusSeconds(5))
                .until(() -> a.timesLeading.get() == 2);
        String z = person.write("clusters/edge/z.yaml", configMap("z")).commitAndPush(DEV, "Add z");
        a.controller.syncLoop().trigger("push of z");

        // Negative by nature: a restarted loop fetches and applies z within a second or two.
        await("no loop of A runs again").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> a.passAt(z).isEmpty() && !z.equals(a.controller.syncLoop().head()));
        assertThat(edge.requests()).filteredOn(ApiRequest::byController)
                .as("requests by the controller after A stopped leading").isEmpty();
        assertThat(edge.kubectl().tryRun("get", "configmap", "z", "-n", "default").succeeded()).isFalse();
    }

    /**
     * Replica A, campaigning; losing the lease marks edge's audit log, then halts its loops, as run does.
     * A long request timeout to edge, so that the pass held on the stalled link outlasts the lease's
     * loss and recovery instead of giving up on its own.
     */
    private LeaseReplica replicaWithLongEdgeTimeout(Path leaseKubeconfig, Path edgeKubeconfig) {
        return open(new LeaseReplica("a", dir, remote, LEASE, leaseKubeconfig, edgeKubeconfig,
                "requestTimeout: 60s")).campaign(edge::forgetRequests);
    }

    private Path through(LeaderNetworkCut link, KubeFixture cluster) {
        return LeaderCandidate.kubeconfigThrough(link, cluster.kubeconfig(), cluster.server().url().toString(),
                dir.resolve(cluster.server().url().getPort() + "-through-" + link.url().getPort() + ".kubeconfig"));
    }

    private static String configMap(String name) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %1$s
                  namespace: default
                data:
                  name: %1$s
                """.formatted(name);
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(0, closeable);
        return closeable;
    }
}
