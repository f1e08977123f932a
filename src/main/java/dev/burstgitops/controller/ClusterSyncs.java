package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.manifest.ClusterRendering;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.Fabric8ClusterApplier;
import dev.burstgitops.sync.PodIdentity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Connects one {@link ClusterSync} per configured cluster (or the one named). */
public final class ClusterSyncs {

    private ClusterSyncs() {
    }

    public static List<ClusterSync> connect(BurstGitopsConfig config, Optional<String> only) throws ConfigException {
        List<ClusterSync> syncs = new ArrayList<>();
        for (ClusterConfig cluster : config.clusters()) {
            if (only.isPresent() && !only.get().equals(cluster.name())) {
                continue;
            }
            ClusterTarget target = target(config, cluster);
            try {
                // The controller's own objects are looked up only in the cluster its pod runs in.
                syncs.add(new ClusterSync(cluster, config.sync(), Fabric8ClusterApplier.connect(target,
                        target.inCluster() ? PodIdentity.ofThisProcess() : Optional.empty()),
                        ClusterRendering.options(config, cluster)));
            } catch (IOException e) {
                closeAll(syncs);
                throw new ConfigException("clusters: " + cluster.name() + ": cannot load its kubeconfig: "
                        + e.getMessage());
            }
        }
        if (only.isPresent() && syncs.isEmpty()) {
            closeAll(syncs);
            throw new ConfigException("clusters: no cluster named '" + only.get() + "'");
        }
        return syncs;
    }

    /** How to reach a configured cluster: its kubeconfig (or in-cluster), context and request timeout. */
    static ClusterTarget target(BurstGitopsConfig config, ClusterConfig cluster) {
        return ClusterTarget.of(cluster.name(),
                cluster.kubeconfig().map(Object::toString).orElse(ClusterTarget.IN_CLUSTER),
                cluster.context().orElse(null), config.sync().inventoryNamespace())
                .withRequestTimeout(cluster.requestTimeout());
    }

    private static void closeAll(List<ClusterSync> syncs) {
        for (ClusterSync sync : syncs) {
            try {
                sync.close();
            } catch (Exception ignored) {
                // Already failing with the configuration problem; the client is gone either way.
            }
        }
    }
}
