package dev.burstgitops.sync;

import java.util.Objects;

/**
 * How one pass runs.
 *
 * @param mode       apply, detect or dry-run
 * @param revision   the commit the desired objects were rendered from, for the report ("3f2a1c9")
 * @param prune      delete objects this controller applied before and that are no longer desired
 * @param allowEmpty let an empty desired set prune everything; otherwise an empty set prunes nothing,
 *                   because it is far more often a broken render or checkout than an intent
 * @param fence      checked before every write; a pass whose fence no longer holds stops there
 */
public record SyncOptions(SyncMode mode, String revision, boolean prune, boolean allowEmpty, WriteFence fence) {

    public SyncOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(fence, "fence");
        revision = revision == null ? "" : revision;
    }

    public SyncOptions(SyncMode mode, String revision, boolean prune, boolean allowEmpty) {
        this(mode, revision, prune, allowEmpty, WriteFence.OPEN);
    }

    public static SyncOptions apply(String revision) {
        return new SyncOptions(SyncMode.APPLY, revision, true, false);
    }

    public SyncOptions withMode(SyncMode newMode) {
        return new SyncOptions(newMode, revision, prune, allowEmpty, fence);
    }

    public SyncOptions withAllowEmpty(boolean newAllowEmpty) {
        return new SyncOptions(mode, revision, prune, newAllowEmpty, fence);
    }

    public SyncOptions withFence(WriteFence newFence) {
        return new SyncOptions(mode, revision, prune, allowEmpty, newFence);
    }
}
