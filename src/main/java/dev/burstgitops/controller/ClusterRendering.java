package dev.burstgitops.controller;

import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.manifest.ClusterPolicy;
import dev.burstgitops.manifest.ClusterRenderer;
import dev.burstgitops.manifest.RenderOptions;
import dev.burstgitops.manifest.RenderResult;
import java.nio.file.Path;
import java.util.HashSet;

/** Renders a cluster's directory under the cluster's policy, the same way for sync and validate. */
public final class ClusterRendering {

    private static final ClusterRenderer RENDERER = new ClusterRenderer();

    private ClusterRendering() {
    }

    public static RenderResult render(Path repository, ClusterConfig cluster) {
        return RENDERER.render(repository, cluster.path(), options(cluster));
    }

    public static RenderOptions options(ClusterConfig cluster) {
        ClusterPolicy policy = new ClusterPolicy(cluster.name(), new HashSet<>(cluster.allowedNamespaces()),
                new HashSet<>(cluster.allowedClusterScopedKinds()), cluster.allowEmpty());
        return cluster.render() == ClusterConfig.RenderEngine.KUSTOMIZE
                ? RenderOptions.kustomize(policy).withRemoteResources(cluster.allowRemoteResources())
                : RenderOptions.builtin(policy);
    }
}
