package dev.burstgitops.controller;

import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.config.SyncConfig;
import dev.burstgitops.manifest.RenderResult;
import dev.burstgitops.sync.ClusterApplier;
import dev.burstgitops.sync.ClusterUnreachableException;
import dev.burstgitops.sync.SyncMode;
import dev.burstgitops.sync.SyncOptions;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * One cluster's sync pass over an already rendered revision: refuse to touch the cluster when
 * the render has problems, otherwise apply (or detect, or plan) and prune.
 */
public final class ClusterSync implements AutoCloseable {

    private final ClusterConfig cluster;
    private final SyncConfig sync;
    private final ClusterApplier applier;

    public ClusterSync(ClusterConfig cluster, SyncConfig sync, ClusterApplier applier) {
        this.cluster = cluster;
        this.sync = sync;
        this.applier = applier;
    }

    public String name() {
        return cluster.name();
    }

    public ClusterConfig config() {
        return cluster;
    }

    public ClusterPassResult run(RenderResult rendered, String revision, boolean dryRun) {
        if (rendered.hasProblems()) {
            return new ClusterPassResult.RenderFailed(cluster.name(), revision, rendered.problems());
        }
        SyncMode mode = dryRun ? SyncMode.DRY_RUN
                : sync.mode() == SyncConfig.Mode.DETECT ? SyncMode.DETECT : SyncMode.APPLY;
        SyncOptions options = new SyncOptions(mode, revision, sync.prune(), cluster.allowEmpty());
        try {
            return new ClusterPassResult.Synced(applier.sync(rendered.objects(), options));
        } catch (ClusterUnreachableException e) {
            return new ClusterPassResult.Failed(cluster.name(), revision, e.getMessage());
        } catch (KubernetesClientException e) {
            // Refused as a whole (401 after a token expired, 5xx in discovery): this cluster's
            // pass fails; the other clusters and the burst loop carry on.
            return new ClusterPassResult.Failed(cluster.name(), revision, ApiFailures.describe(e));
        }
    }

    @Override
    public void close() throws Exception {
        applier.close();
    }
}
