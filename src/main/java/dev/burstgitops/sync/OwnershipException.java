package dev.burstgitops.sync;

/**
 * A pass stopped before any write because the cluster, or its inventory, is not this
 * installation's to sync (see {@link OwnershipCheck}). Nothing was applied or pruned.
 */
public final class OwnershipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OwnershipException(String message) {
        super(message);
    }
}
