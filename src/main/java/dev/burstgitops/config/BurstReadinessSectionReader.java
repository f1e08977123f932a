package dev.burstgitops.config;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads a policy's {@code burstReadiness} section. */
final class BurstReadinessSectionReader {

    /** The kinds whose status says how many replicas are available. */
    private static final Set<String> KINDS = Set.of("Deployment", "StatefulSet");
    /** A DNS-1123 name, what Kubernetes accepts for a namespace and a workload. */
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private BurstReadinessSectionReader() {
    }

    /** The gate, or null when a problem was reported. */
    static BurstReadinessConfig read(YamlSection section, Set<String> clusters) {
        String cluster = section.string("cluster");
        if (cluster != null && !clusters.contains(cluster)) {
            section.problem("cluster", "'" + cluster + "' is not a name from clusters[] ("
                    + (clusters.isEmpty() ? "none configured" : String.join(", ", new TreeSet<>(clusters))) + ")");
        }
        BurstReadinessConfig.Workload workload = workload(section);
        int minAvailable = section.integer("minAvailable", 1);
        if (minAvailable < 1) {
            section.problem("minAvailable", "must be at least 1, not " + minAvailable);
        }
        Duration fallbackAfter = section.duration("fallbackAfter", Duration.ofSeconds(30));
        section.rejectUnknownKeys();
        return cluster == null || workload == null || fallbackAfter == null ? null
                : new BurstReadinessConfig(cluster, workload, minAvailable, fallbackAfter);
    }

    private static BurstReadinessConfig.Workload workload(YamlSection section) {
        String text = section.string("workload");
        if (text == null) {
            return null;
        }
        String[] parts = text.split("/", -1);
        if (parts.length != 3 || !KINDS.contains(parts[0]) || !DNS_NAME.matcher(parts[1]).matches()
                || !DNS_NAME.matcher(parts[2]).matches()) {
            section.problem("workload", "must be Kind/namespace/name with Kind Deployment or StatefulSet"
                    + " (Deployment/default/worker-deployment), not '" + text + "'");
            return null;
        }
        return new BurstReadinessConfig.Workload(parts[0], parts[1], parts[2]);
    }
}
