package dev.burstgitops.gitops;

import java.util.Optional;

/**
 * A change to make in a fresh working tree: edit files and say what to commit, or return empty
 * when, on this head, there is nothing to change. Called once per attempt, so it must read the
 * tree afresh each time. {@code E} lets callers throw their own checked exceptions (a broken
 * manifest, say) through the publisher without wrapping them.
 */
@FunctionalInterface
public interface TreeChange<E extends Exception> {
    Optional<CommitRequest> apply(WorkingTree tree) throws E;
}
