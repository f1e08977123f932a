package dev.burstgitops.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code clusters}: the repository directory that describes the cluster, how to
 * reach it (an empty kubeconfig means in-cluster), how to render it and what it may contain.
 *
 * @param requestTimeout the most one request to its API server may take; with leader election,
 *                       shorter than the lease, so that a write in flight when the lease is lost
 *                       lands (or is given up) within that long of the loss
 */
public record ClusterConfig(
        String name,
        String path,
        Optional<Path> kubeconfig,
        Optional<String> context,
        RenderEngine render,
        boolean allowEmpty,
        List<String> allowedNamespaces,
        List<String> allowedClusterScopedKinds,
        boolean allowRemoteResources,
        Duration requestTimeout) {

    /** What every cluster client used before it was a setting. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** A cluster with the default request timeout. */
    public ClusterConfig(String name, String path, Optional<Path> kubeconfig, Optional<String> context,
                         RenderEngine render, boolean allowEmpty, List<String> allowedNamespaces,
                         List<String> allowedClusterScopedKinds, boolean allowRemoteResources) {
        this(name, path, kubeconfig, context, render, allowEmpty, allowedNamespaces, allowedClusterScopedKinds,
                allowRemoteResources, DEFAULT_REQUEST_TIMEOUT);
    }

    /** A cluster whose kustomizations may name only what is in the repository. */
    public ClusterConfig(String name, String path, Optional<Path> kubeconfig, Optional<String> context,
                         RenderEngine render, boolean allowEmpty, List<String> allowedNamespaces,
                         List<String> allowedClusterScopedKinds) {
        this(name, path, kubeconfig, context, render, allowEmpty, allowedNamespaces, allowedClusterScopedKinds, false);
    }

    /** Who turns the cluster directory into objects. */
    public enum RenderEngine {
        /** The built-in renderer: plain YAML or the kustomize subset of DESIGN.md. */
        BUILTIN,
        /** {@code kubectl kustomize}, for kustomizations beyond the subset. */
        KUSTOMIZE
    }
}
