package dev.burstgitops.gitops;

import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of a change on a fresh tree, as the change reports it: what it read and decided
 * there ({@code outcome}, of the caller's own type) and what to commit, if anything. Returned by
 * a {@link TreeAttempt} so that the caller gets its own account back with the publish's result,
 * rather than smuggling it out of the callback.
 */
public record Attempt<T>(T outcome, Optional<CommitRequest> commit) {

    public Attempt {
        Objects.requireNonNull(commit, "commit");
    }
}
