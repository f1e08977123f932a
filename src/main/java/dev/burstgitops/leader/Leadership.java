package dev.burstgitops.leader;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.LeaderElectionConfig;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.KubernetesClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;

/**
 * The leader gate {@code run} starts its loops behind: a Lease in the primary cluster (or where
 * {@code leaderElection.kubeconfig} points, or, with no clusters at all, the pod's own cluster), or none.
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
