package dev.burstgitops.controller;

import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.config.LeaderElectionConfig;
import dev.burstgitops.leader.LeaderElection;
import dev.burstgitops.leader.LeaderGate;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.KubernetesClients;
import dev.burstgitops.testing.ConfigYaml;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code run} replica: a controller whose loops run behind a leader gate, as {@code run} wires
 * them. It syncs one cluster, {@code edge}, from {@code clusters/edge} of the remote, and campaigns
 * for the Lease of {@code lease} in the cluster {@code primary}. Its loops poll and sync hourly, so
 * every pass is one the test triggers (or the first, on start).
 */
final class LeaseReplica implements AutoCloseable {

    final Controller controller;
    private final LeaderGate gate;
    private final List<ClusterPassResult> passes = new CopyOnWriteArrayList<>();
    /** Set once the replica stopped leading and halted its loops. */
    final AtomicBoolean lostLease = new AtomicBoolean();
    /** How many times the elector reported leadership (and the gate started the loops). */
    final AtomicInteger timesLeading = new AtomicInteger();

    /**
     * @param name            the replica's name: its checkout ({@code checkout-<name>}), its config
     *                        file in {@code dir} and its identity in the election ({@code replica-<name>})
     * @param edgeSettings    more lines of edge's cluster entry, such as {@code requestTimeout: 60s}
     */
    LeaseReplica(String name, Path dir, Path remote, LeaderElectionConfig lease, Path leaseKubeconfig,
            Path edgeKubeconfig, String... edgeSettings) {
        Path config = ConfigYaml.forRemote(remote.toUri()).git("checkoutDir: checkout-" + name)
                .git("pollInterval: 1h").section("sync:\n  interval: 1h")
                .cluster("edge", edgeKubeconfig, edgeSettings)
                .writeTo(dir.resolve(name + ".yaml"));
        try (KubernetesClient client = KubernetesClients.connect(ClusterTarget.of("primary",
                leaseKubeconfig.toString(), "primary", lease.namespace()))) {
            controller = Controller.create(ConfigLoader.load(config), promql -> {
                throw new IllegalStateException("no policies");
            }, Clock.systemUTC());
            // The election keeps a client of its own, built from this one's settings.
            gate = LeaderGate.openWhileLeading(new LeaderElection(client, lease, "replica-" + name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        controller.syncLoop().onClusterPass(passes::add);
    }

    /**
     * Campaigns: leading counts in {@link #timesLeading} and starts the loops; losing the lease runs
     * {@code onLoss} (a test marks edge's audit log there), then halts them, as in run.
     */
    LeaseReplica campaign(Runnable onLoss) {
        gate.whileLeading(() -> {
            timesLeading.incrementAndGet();
            controller.start();
        }, () -> {
            onLoss.run();
            controller.halt();
            lostLease.set(true);
        });
        return this;
    }

    /** The pass of edge at {@code revision}, once one ended. */
    Optional<ClusterPassResult> passAt(String revision) {
        return passes.stream().filter(pass -> pass.revision().equals(revision)).findFirst();
    }

    /** Loops first, then the lease, as run closes them. */
    @Override
    public void close() {
        controller.close();
        gate.close();
    }
}
