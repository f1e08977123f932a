package dev.burstgitops.leader;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.LeaderElectionConfig;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.KubernetesClients;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Clock;

/**
 * The leader gate {@code run} starts its loops behind: a Lease in the primary cluster (or where
 * {@code leaderElection.kubeconfig} points, or, with no clusters at all, the pod's own cluster), or none;
 * and that Lease read once, for a one-shot command that must not write beside a live leader.
 */
public final class Leadership {

    private Leadership() {
    }

    /**
     * With {@code leaderElection.enabled}, an election on a Lease where {@link #leaseTarget} says;
     * otherwise a gate that is always open.
     */
    public static LeaderGate gate(BurstGitopsConfig config) throws ConfigException {
        if (!config.leaderElection().enabled()) {
            return LeaderGate.alwaysOpen();
        }
        ClusterTarget home = leaseTarget(config);
        // The election builds a client of its own from this one's settings; this one is not kept.
        try (KubernetesClient client = KubernetesClients.connect(home)) {
            return LeaderGate.forConfig(config.leaderElection(), client);
        } catch (IOException e) {
            throw new ConfigException("leaderElection: cannot reach the cluster of its Lease (" + home.name() + "): "
                    + e.getMessage());
        }
    }

    /**
     * Reads the Lease once, where {@link #leaseTarget} says, for a one-shot command that must not
     * write beside a live leader. Only meaningful with {@code leaderElection.enabled}.
     *
     * @param clock when the Lease is judged, after it is read
     */
    public static LeaseReading readLease(BurstGitopsConfig config, Clock clock) {
        LeaderElectionConfig election = config.leaderElection();
        ClusterTarget home = leaseTarget(config);
        try (KubernetesClient client = KubernetesClients.connect(home)) {
            Lease lease = client.resources(Lease.class).inNamespace(election.namespace())
                    .withName(election.leaseName()).get();
            return LeaseReading.of(lease, clock.instant());
        } catch (IOException e) {
            return new LeaseReading.Unreadable(e.getMessage());
        } catch (KubernetesClientException e) {
            return new LeaseReading.Unreadable("cluster " + home.name() + ": "
                    + (e.getCode() > 0 ? "HTTP " + e.getCode() + " " : "") + e.getMessage());
        }
    }

    /**
     * Where the Lease lives: {@code leaderElection.kubeconfig} when given; else the cluster named
     * {@code primary}, or the first; with no clusters (commit-only mode), the pod's own cluster.
     */
    static ClusterTarget leaseTarget(BurstGitopsConfig config) {
        LeaderElectionConfig election = config.leaderElection();
        if (election.kubeconfig().isPresent()) {
            return ClusterTarget.of("leaderElection.kubeconfig", election.kubeconfig().get().toString(),
                    election.context().orElse(null), config.sync().inventoryNamespace());
        }
        return config.leaseCluster().map(cluster -> ClusterTarget.of(cluster.name(),
                        cluster.kubeconfig().map(Object::toString).orElse(ClusterTarget.IN_CLUSTER),
                        cluster.context().orElse(null), config.sync().inventoryNamespace()))
                .orElseGet(() -> ClusterTarget.of("in-cluster", ClusterTarget.IN_CLUSTER, null,
                        config.sync().inventoryNamespace()));
    }
}
