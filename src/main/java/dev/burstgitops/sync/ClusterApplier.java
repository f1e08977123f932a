package dev.burstgitops.sync;

import dev.burstgitops.manifest.ManifestObject;
import java.util.List;

/**
 * Brings one cluster to the objects its repository directory describes. One instance per cluster,
 * holding that cluster's connection until closed.
 */
public interface ClusterApplier extends AutoCloseable {

    /**
     * One pass: apply (or, in detect and dry-run mode, compare) every desired object, prune what the
     * inventory says was applied before and is no longer desired, and report. Per-object failures
     * are outcomes in the report; the pass goes on past them.
     *
     * @throws ClusterUnreachableException when the API server does not answer; the pass stops there
     */
    SyncReport sync(List<ManifestObject> desired, SyncOptions options) throws ClusterUnreachableException;

    @Override
    void close();
}
