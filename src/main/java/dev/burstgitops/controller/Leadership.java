package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.sync.KubernetesClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.Optional;

/** The leader gate {@code run} starts its loops behind: a Lease in the primary cluster, or none. */
public final class Leadership {

    private Leadership() {
    }

    /**
     * With {@code leaderElection.enabled}, an election on a Lease in the cluster named
     * {@code primary} (or the first cluster); otherwise a gate that is always open.
     */
    public static LeaderGate gate(BurstGitopsConfig config) throws ConfigException {
        if (!config.leaderElection().enabled()) {
            return LeaderGate.alwaysOpen();
        }
        ClusterConfig home = leaseCluster(config).orElseThrow(() -> new ConfigException(
                "leaderElection.enabled: needs a cluster to keep its Lease in (clusters is empty)"));
        // The election builds a client of its own from this one's settings; this one is not kept.
        try (KubernetesClient client = KubernetesClients.connect(ClusterSyncs.target(config, home))) {
            return LeaderGate.forConfig(config.leaderElection(), client);
        } catch (IOException e) {
            throw new ConfigException("clusters: " + home.name() + ": cannot load its kubeconfig: " + e.getMessage());
        }
    }

    /** The cluster the Lease lives in: the one named {@code primary}, or the first. */
    static Optional<ClusterConfig> leaseCluster(BurstGitopsConfig config) {
        return config.cluster("primary").or(() -> config.clusters().stream().findFirst());
    }
}
