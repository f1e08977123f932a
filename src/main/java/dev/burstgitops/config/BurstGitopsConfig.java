package dev.burstgitops.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The whole of {@code burst-gitops.yaml}, validated; see {@link ConfigLoader}. */
public record BurstGitopsConfig(
        Path source,
        GitConfig git,
        Optional<PrometheusConfig> prometheus,
        List<PolicyConfig> policies,
        List<ClusterConfig> clusters,
        SyncConfig sync,
        ServerConfig server,
        LeaderElectionConfig leaderElection) {

    public Optional<PolicyConfig> policy(String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<ClusterConfig> cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The configured cluster the leader-election Lease lives in: the one named {@code primary}, or
     * the first; none when {@code leaderElection.kubeconfig} puts it elsewhere or there are no
     * clusters. Asked by the election and by rendering (a repository must not declare the Lease).
     */
    public Optional<ClusterConfig> leaseCluster() {
        if (leaderElection.kubeconfig().isPresent()) {
            return Optional.empty();
        }
        return cluster("primary").or(() -> clusters.stream().findFirst());
    }
}
