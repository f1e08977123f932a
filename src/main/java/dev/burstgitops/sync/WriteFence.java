package dev.burstgitops.sync;

import java.time.Duration;

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

    /**
     * Whether a write whose request may take up to {@code requestDeadline} may start now. A lease
     * can run out while a request is on its way, so a leader's fence also asks that its lease
     * outlast the request; a fence without a lease answers as {@link #holds()}.
     */
    default boolean holdsFor(Duration requestDeadline) {
        return holds();
    }

    /** This fence for the writes of one cluster, whose requests take up to {@code requestDeadline}. */
    default WriteFence forRequestsOf(Duration requestDeadline) {
        return () -> holdsFor(requestDeadline);
    }

    /** Throws {@link FencedException} unless the fence holds. */
    default void check() {
        if (!holds()) {
            throw new FencedException();
        }
    }
}
