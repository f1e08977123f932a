package dev.burstgitops.gitops.forge;

import java.time.Instant;
import java.util.Objects;

/** What one {@link PullRequestSync} call did to a policy's pull request. */
public sealed interface PullRequestOutcome {

    /** There was none; now there is. */
    record Opened(PullRequest pullRequest, AutoMerge autoMerge) implements PullRequestOutcome {
        public Opened {
            Objects.requireNonNull(pullRequest, "pullRequest");
            Objects.requireNonNull(autoMerge, "autoMerge");
        }
    }

    /** One was open with other text; its title and body now say what the draft says. */
    record Updated(PullRequest pullRequest) implements PullRequestOutcome {
        public Updated {
            Objects.requireNonNull(pullRequest, "pullRequest");
        }
    }

    /** One was open and already said it: no write was made. */
    record Unchanged(PullRequest pullRequest) implements PullRequestOutcome {
        public Unchanged {
            Objects.requireNonNull(pullRequest, "pullRequest");
        }
    }

    /** One was open and is now closed, because the base branch already holds what it proposed. */
    record Closed(PullRequest pullRequest) implements PullRequestOutcome {
        public Closed {
            Objects.requireNonNull(pullRequest, "pullRequest");
        }
    }

    /**
     * A person closed {@code closed} without merging while it proposed exactly this change, so the
     * controller holds back: no push, no pull request, until the proposal changes or
     * {@code reproposeAt} ({@code git.pullRequest.reproposeAfter} after the closing) has come.
     */
    record TurnedDown(ClosedPullRequest closed, Instant reproposeAt) implements PullRequestOutcome {
        public TurnedDown {
            Objects.requireNonNull(closed, "closed");
            Objects.requireNonNull(reproposeAt, "reproposeAt");
        }
    }

    /** Nothing was open, so there was nothing to close. */
    enum NothingOpen implements PullRequestOutcome { INSTANCE }
}
