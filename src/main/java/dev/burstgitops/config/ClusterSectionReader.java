package dev.burstgitops.config;

import dev.burstgitops.decision.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code clusters} list. */
final class ClusterSectionReader {

    private ClusterSectionReader() {
    }

    /** @param leader the {@code leaderElection} section, read first: it bounds every cluster's request timeout */
    static List<ClusterConfig> read(YamlSection top, LeaderElectionConfig leader) {
        List<ClusterConfig> clusters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection cluster : top.sections("clusters")) {
            String name = cluster.string("name");
            if (name != null && !names.add(name)) {
                cluster.problem("name", "'" + name + "' is used by another cluster");
            }
            clusters.add(cluster(cluster, name, leader));
        }
        return clusters;
    }

    private static ClusterConfig cluster(YamlSection cluster, String name, LeaderElectionConfig leader) {
        String path = cluster.string("path");
        RepositoryPath.check(cluster, "path", path);
        String kubeconfig = cluster.string("kubeconfig");
        Optional<Path> kubeconfigPath = kubeconfig == null || kubeconfig.equals("in-cluster")
                ? Optional.empty() : Optional.ofNullable(cluster.path("kubeconfig", null));
        Optional<String> context = cluster.optionalString("context");
        ClusterConfig.RenderEngine render = cluster.choice("render", Map.of(
                "builtin", ClusterConfig.RenderEngine.BUILTIN, "kustomize", ClusterConfig.RenderEngine.KUSTOMIZE),
                "builtin");
        boolean allowEmpty = cluster.bool("allowEmpty", false);
        List<String> namespaces = cluster.strings("allowedNamespaces", List.of());
        List<String> clusterScoped = cluster.strings("allowedClusterScopedKinds", List.of("Namespace"));
        // Off by default: content that is not in Git is not reviewed, and a fetch could reach anywhere.
        boolean allowRemoteResources = cluster.bool("allowRemoteResources", false);
        Duration requestTimeout = requestTimeout(cluster, leader);
        cluster.rejectUnknownKeys();
        return new ClusterConfig(name, path, kubeconfigPath, context, render, allowEmpty, namespaces, clusterScoped,
                allowRemoteResources, requestTimeout);
    }

    /**
     * With leader election, shorter than the lease: a write the fence let through just before the
     * lease was lost lands, or is given up, at most a request timeout after the loss, and a
     * deadline longer than the lease would let it land well into another replica's term.
     */
    private static Duration requestTimeout(YamlSection cluster, LeaderElectionConfig leader) {
        Duration timeout = cluster.duration("requestTimeout", ClusterConfig.DEFAULT_REQUEST_TIMEOUT);
        if (timeout.isZero()) {
            cluster.problem("requestTimeout", "must be longer than 0s");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            return ClusterConfig.DEFAULT_REQUEST_TIMEOUT;
        }
        Duration lease = leader.leaseDuration();
        if (leader.enabled() && lease != null && timeout.compareTo(lease) >= 0) {
            cluster.problem("requestTimeout", DurationText.format(timeout)
                    + (cluster.has("requestTimeout") ? "" : " (the default)")
                    + " must be shorter than leaderElection.leaseDuration (" + DurationText.format(lease)
                    + "): a write in flight when the lease is lost lands up to a request timeout later, and must"
                    + " not outlast a lease; shorten requestTimeout or lengthen leaseDuration");
        }
        return timeout;
    }
}
