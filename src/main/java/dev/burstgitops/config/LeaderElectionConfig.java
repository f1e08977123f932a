package dev.burstgitops.config;

import java.time.Duration;

/** The {@code leaderElection} section: a Lease in the primary cluster decides who writes. */
public record LeaderElectionConfig(
        boolean enabled,
        String namespace,
        String leaseName,
        Duration leaseDuration,
        Duration renewDeadline,
        Duration retryPeriod) {
}
