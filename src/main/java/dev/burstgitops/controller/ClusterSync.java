package dev.burstgitops.controller;

import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.config.SyncConfig;
import dev.burstgitops.gitops.Trailers;
import dev.burstgitops.manifest.ClusterRendering;
import dev.burstgitops.manifest.RenderOptions;
import dev.burstgitops.manifest.RenderResult;
import dev.burstgitops.record.PruneTrailers;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.sync.ApiFailures;
import dev.burstgitops.sync.ClusterApplier;
import dev.burstgitops.sync.ClusterUnreachableException;
import dev.burstgitops.sync.FencedException;
import dev.burstgitops.sync.OwnershipException;
import dev.burstgitops.sync.NamedObject;
import dev.burstgitops.sync.PruneConfirmation;
import dev.burstgitops.sync.SyncMode;
import dev.burstgitops.sync.SyncOptions;
import dev.burstgitops.sync.WriteFence;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One cluster's sync pass over an already rendered revision: refuse to touch the cluster when
 * the render has problems, otherwise apply (or detect, or plan) and prune.
 */
public final class ClusterSync implements AutoCloseable {

    /** Why a pass stopped when its {@link WriteFence} went down: the replica lost the lease. */
    static final String NO_LONGER_LEADS = "this replica no longer leads";

    private final ClusterConfig cluster;
    private final SyncConfig sync;
    private final ClusterApplier applier;
    private final RenderOptions renderOptions;

    public ClusterSync(ClusterConfig cluster, SyncConfig sync, ClusterApplier applier, RenderOptions renderOptions) {
        this.cluster = cluster;
        this.sync = sync;
        this.applier = applier;
        this.renderOptions = renderOptions;
    }

    public String name() {
        return cluster.name();
    }

    /** Renders this cluster's directory of the repository tree at {@code repository}. */
    public RenderResult render(Path repository) {
        return ClusterRendering.render(repository, cluster, renderOptions);
    }

    /**
     * @param trailers the revision's commit trailers: its {@code Prune-Confirmed} count, for {@code sync.prune: confirm}
     * @param fence    checked by the applier before every write; the sync loop's holds only while this
     *                 replica leads, a one-shot {@code sync --once} passes {@link WriteFence#OPEN}
     */
    public ClusterPassResult run(RenderResult rendered, String revision, Trailers trailers, boolean dryRun,
                                 WriteFence fence) {
        if (rendered.hasProblems()) {
            return new ClusterPassResult.RenderFailed(cluster.name(), revision, rendered.problems());
        }
        SyncMode mode = dryRun ? SyncMode.DRY_RUN
                : sync.mode() == SyncConfig.Mode.DETECT ? SyncMode.DETECT : SyncMode.APPLY;
        SyncOptions options = new SyncOptions(mode, revision, sync.prune() != SyncConfig.Prune.OFF, cluster.allowEmpty())
                .withFence(fence).withAllowedClusterScopedKinds(Set.copyOf(cluster.allowedClusterScopedKinds()))
                .withPruneConfirmation(sync.prune() == SyncConfig.Prune.CONFIRM
                        ? PruneConfirmation.required(PruneTrailers.confirmed(trailers)) : PruneConfirmation.NOT_REQUIRED)
                .withProtectedObjects(sync.protect().stream().map(p -> new NamedObject(p.kind(), p.namespace(), p.name()))
                        .collect(Collectors.toSet()))
                .withManagersLeftAlone(Set.copyOf(sync.leaveFieldsOf()))
                .withPruneAdopted(sync.pruneAdopted());
        try {
            return new ClusterPassResult.Synced(applier.sync(rendered.objects(), options));
        } catch (OwnershipException e) {
            return new ClusterPassResult.Refused(cluster.name(), revision, e.getMessage());
        } catch (FencedException | ClusterUnreachableException e) {
            // The lease went while the pass ran (what it wrote stays, the rest is the new leader's),
            // or the cluster did not answer: reported like any pass that could not finish, never thrown.
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
