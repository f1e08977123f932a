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
}
