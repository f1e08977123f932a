package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.manifest.ClusterRendering;
import dev.burstgitops.sync.ClusterMemory;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.Fabric8ClusterApplier;
import dev.burstgitops.sync.Installation;
import dev.burstgitops.sync.PodIdentity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Connects one {@link ClusterSync} per configured cluster (or the one named). */
public final class ClusterSyncs {

    private ClusterSyncs() {
    }

    /**
     * With leader election, the lease cluster is connected first and keeps the identity each
     * cluster had at its last sync ({@link Fabric8ClusterApplier#keepMemoryHere}) for all of them.
     */
    public static List<ClusterSync> connect(BurstGitopsConfig config, Optional<String> only) throws ConfigException {
        List<ClusterSync> syncs = new ArrayList<>();
        Optional<String> lease = config.leaderElection().enabled() ? config.leaseCluster().map(ClusterConfig::name)
                : Optional.empty();
        ClusterMemory memory = ClusterMemory.NONE;
        for (ClusterConfig cluster : config.clusters().stream()
                .sorted(Comparator.comparing(c -> !lease.equals(Optional.of(c.name())))).toList()) {
            if (only.isPresent() && !only.get().equals(cluster.name())) {
                continue;
            }
            ClusterTarget target = target(config, cluster);
            try {
                // The controller's own objects are looked up only in the cluster its pod runs in.
                Fabric8ClusterApplier applier = Fabric8ClusterApplier.connect(target, memory,
                        target.inCluster() ? PodIdentity.ofThisProcess() : Optional.empty());
                if (lease.equals(Optional.of(cluster.name()))) {
                    memory = applier.keepMemoryHere(config.leaderElection().namespace(),
                            config.leaderElection().leaseName());
                }
                syncs.add(new ClusterSync(cluster, config.sync(), applier, ClusterRendering.options(config, cluster)));
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

    /** How to reach a configured cluster, and whose objects go there (repository, branch, directory). */
    public static ClusterTarget target(BurstGitopsConfig config, ClusterConfig cluster) {
        return ClusterTarget.of(cluster.name(),
                cluster.kubeconfig().map(Object::toString).orElse(ClusterTarget.IN_CLUSTER),
                cluster.context().orElse(null), config.sync().inventoryNamespace())
                .withRequestTimeout(cluster.requestTimeout())
                .withOwnership(Installation.of(config.git().url().toString(), config.git().branch(), cluster.path()),
                        Optional.ofNullable(config.sync().adoptCluster().get(cluster.name())));
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
