package dev.burstgitops.config;

import java.nio.file.Path;
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

    static List<ClusterConfig> read(YamlSection top) {
        List<ClusterConfig> clusters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection cluster : top.sections("clusters")) {
            String name = cluster.string("name");
            if (name != null && !names.add(name)) {
                cluster.problem("name", "'" + name + "' is used by another cluster");
            }
            clusters.add(cluster(cluster, name));
        }
        return clusters;
    }

    private static ClusterConfig cluster(YamlSection cluster, String name) {
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
        cluster.rejectUnknownKeys();
        return new ClusterConfig(name, path, kubeconfigPath, context, render, allowEmpty, namespaces, clusterScoped,
                allowRemoteResources);
    }
}
