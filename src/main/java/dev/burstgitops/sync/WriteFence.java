package dev.burstgitops.sync;

/**
 * Whether this replica may still write to its clusters. A pass checks it before every write
 * (apply, prune, inventory), so that once a replica has lost its lease no pass already queued or
 * running applies or prunes anything more: the new leader owns the clusters from then on.
 */
@FunctionalInterface
public interface WriteFence {

    /** A single replica, or a one-shot command: always allowed to write. */
    WriteFence OPEN = () -> true;

    boolean holds();

    /** Throws {@link FencedException} unless the fence holds. */
    default void check() {
        if (!holds()) {
            throw new FencedException();
        }
    }
}
