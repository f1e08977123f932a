package dev.burstgitops.sync;

/** What a sync pass may do to the cluster. */
public enum SyncMode {
    /** Apply what differs and prune what is no longer desired. */
    APPLY,
    /** Compare and report drift; write nothing. The periodic pass in {@code sync.mode: detect}. */
    DETECT,
    /** Compute the plan (create / update with fields / unchanged / prune); write nothing. */
    DRY_RUN;

    public boolean writes() {
        return this == APPLY;
    }

    /** The word a summary line starts with. */
    String verb() {
        return switch (this) {
            case APPLY -> "sync";
            case DETECT -> "detect";
            case DRY_RUN -> "dry-run";
        };
    }
}
