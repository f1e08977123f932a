package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.config.LeaderElectionConfig;
import dev.burstgitops.leader.LeaderCandidate;
import dev.burstgitops.leader.LeaderNetworkCut;
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
 * A lease won back after the loops stopped. {@code run} closes its controller before its leader
 * gate (the lease is released last), so the elector campaigns on while the controller halts and
 * closes, and may report leadership again: a controller that lost its lease or began to close must
 * then neither start its loops nor let its fence hold again. A real Lease in the API server of
 * cluster {@code primary}, reached through a relay the test cuts and restores, and a second real
 * API server, {@code edge}, that the controller syncs; edge's audit log is the witness.
 */
@Tag("wall-clock")
class LateElectionTest {

    private static final GitAuthor DEV = new GitAuthor("Dana Developer", "dana@example.com");
    private static final Duration PASS_WITHIN = Duration.ofSeconds(30);
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
    void aControllerWhoseCloseBeganLetsNoPassWriteAgainWhenItWinsTheLeaseBack() {
        LeaderNetworkCut leaseLink = open(LeaderNetworkCut.relayTo(primary.server().url().getPort()));
        LeaderNetworkCut edgeLink = open(LeaderNetworkCut.relayTo(edge.server().url().getPort()));
        LeaseReplica a = replica(through(leaseLink, primary), through(edgeLink, edge));
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
        LeaseReplica a = replica(through(leaseLink, primary), edge.kubeconfig());
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
    private LeaseReplica replica(Path leaseKubeconfig, Path edgeKubeconfig) {
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
