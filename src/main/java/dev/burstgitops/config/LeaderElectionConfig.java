package dev.burstgitops.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code leaderElection} section: a Lease decides who writes. It lives in the primary
 * cluster, or where {@code kubeconfig} points; with no clusters and no kubeconfig (commit-only
 * mode, in a pod), in the pod's own cluster.
 *
 * @param kubeconfig where the Lease lives, when not in the primary cluster; empty: the primary
 *                   cluster, or in-cluster when there is none
 * @param context    the kubeconfig context to use; empty for its current one
 */
public record LeaderElectionConfig(
        boolean enabled,
        String namespace,
        String leaseName,
        Duration leaseDuration,
        Duration renewDeadline,
        Duration retryPeriod,
        Optional<Path> kubeconfig,
        Optional<String> context) {

    public LeaderElectionConfig(boolean enabled, String namespace, String leaseName, Duration leaseDuration,
                                Duration renewDeadline, Duration retryPeriod) {
        this(enabled, namespace, leaseName, leaseDuration, renewDeadline, retryPeriod, Optional.empty(),
                Optional.empty());
    }
}
