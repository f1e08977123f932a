package dev.burstgitops.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Reads the {@code leaderElection} section: the Lease, its timings, and where it lives. */
final class LeaderElectionSectionReader {

    private LeaderElectionSectionReader() {
    }

    static LeaderElectionConfig read(YamlSection leader) {
        boolean enabled = leader.bool("enabled", false);
        String namespace = leader.string("namespace", "burst-gitops");
        String leaseName = leader.string("leaseName", "burst-gitops");
        Duration leaseDuration = leader.duration("leaseDuration", Duration.ofSeconds(15));
        Duration renewDeadline = leader.duration("renewDeadline", Duration.ofSeconds(10));
        Duration retryPeriod = leader.duration("retryPeriod", Duration.ofSeconds(2));
        if (renewDeadline != null && leaseDuration != null && renewDeadline.compareTo(leaseDuration) >= 0) {
            leader.problem("renewDeadline", "must be shorter than leaseDuration");
        }
        // Where the Lease lives when it is not the primary cluster: commit-only mode has no clusters.
        Optional<String> kubeconfigText = leader.optionalString("kubeconfig");
        Optional<Path> kubeconfig = kubeconfigText.filter(text -> !text.equals("in-cluster"))
                .map(text -> leader.path("kubeconfig", null));
        Optional<String> context = leader.optionalString("context");
        leader.rejectUnknownKeys();
        return new LeaderElectionConfig(enabled, namespace, leaseName, leaseDuration, renewDeadline, retryPeriod,
                kubeconfig, context);
    }
}
