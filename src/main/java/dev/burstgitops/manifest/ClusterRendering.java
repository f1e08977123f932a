package dev.burstgitops.manifest;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.config.LeaderElectionConfig;
import dev.burstgitops.config.SyncLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Renders a cluster's directory under the cluster's policy, the same way for sync and validate:
 * the one place that reads the configuration's render settings ({@code clusters[].render},
 * {@code sync.limits}, the objects the controller keeps for itself).
 */
public final class ClusterRendering {

    private static final ClusterRenderer RENDERER = new ClusterRenderer();

    private ClusterRendering() {
    }

    /** With the cluster's policy only: the default limits, nothing reserved. */
    public static RenderResult render(Path repository, ClusterConfig cluster) {
        return render(repository, cluster, options(cluster));
    }

    public static RenderResult render(Path repository, ClusterConfig cluster, RenderOptions options) {
        return RENDERER.render(repository, cluster.path(), options);
    }

    /** The cluster's engine and policy, with the default limits and nothing reserved. */
    public static RenderOptions options(ClusterConfig cluster) {
        ClusterPolicy policy = new ClusterPolicy(cluster.name(), new HashSet<>(cluster.allowedNamespaces()),
                new HashSet<>(cluster.allowedClusterScopedKinds()), cluster.allowEmpty());
        return cluster.render() == ClusterConfig.RenderEngine.KUSTOMIZE
                ? RenderOptions.kustomize(policy).withRemoteResources(cluster.allowRemoteResources())
                : RenderOptions.builtin(policy);
    }

    /**
     * Everything the configuration says about rendering {@code cluster}: its engine and policy,
     * {@code sync.limits}, and the objects the controller keeps for itself there.
     */
    public static RenderOptions options(BurstGitopsConfig config, ClusterConfig cluster) {
        return options(cluster).withLimits(limits(config.sync().limits())).withReserved(reserved(config, cluster));
    }

    public static RepositoryLimits limits(SyncLimits limits) {
        return new RepositoryLimits(limits.maxFileSize(), limits.maxExpandedYamlNodes(), limits.maxObjectsPerCluster(),
                limits.maxRenderedResources());
    }

    /**
     * The inventory ConfigMap of every cluster, and the leader-election Lease in the cluster that
     * holds it (whether or not election is enabled now: a repository declaring it would break the
     * day it is switched on).
     */
    private static List<ReservedObject> reserved(BurstGitopsConfig config, ClusterConfig cluster) {
        List<ReservedObject> reserved = new ArrayList<>();
        reserved.add(new ReservedObject(new ObjectKey("", "ConfigMap", config.sync().inventoryNamespace(),
                ReservedObject.inventoryName(cluster.name())), "the controller's inventory of this cluster (or a part of it)",
                true));
        boolean holdsLease = config.leaseCluster().map(ClusterConfig::name).filter(cluster.name()::equals)
                .isPresent();
        if (holdsLease) {
            LeaderElectionConfig election = config.leaderElection();
            reserved.add(new ReservedObject(new ObjectKey("coordination.k8s.io", "Lease", election.namespace(),
                    election.leaseName()), "the controller's leader-election Lease (leaderElection.leaseName)"));
        }
        return reserved;
    }
}
