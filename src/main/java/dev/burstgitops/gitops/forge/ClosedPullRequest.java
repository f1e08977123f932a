package dev.burstgitops.gitops.forge;

import java.time.Instant;
import java.util.Objects;

/**
 * A pull request that was closed without being merged, as the forge still reports it: the
 * controller reads it back after a restart to learn that a person turned a proposal down.
 *
 * @param pullRequest as the forge stores it, body (and so its {@link ProposalMarker}) included
 * @param closedAt    when it was closed, by the forge's clock
 */
public record ClosedPullRequest(PullRequest pullRequest, Instant closedAt) {

    public ClosedPullRequest {
        Objects.requireNonNull(pullRequest, "pullRequest");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
