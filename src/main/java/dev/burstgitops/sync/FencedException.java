package dev.burstgitops.sync;

/** A pass stopped before a write because this replica no longer holds the lease; nothing more was written. */
public final class FencedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FencedException() {
        super("this replica no longer leads: the pass stopped before writing anything more");
    }
}
