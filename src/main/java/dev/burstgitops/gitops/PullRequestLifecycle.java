package dev.burstgitops.gitops;

import java.time.Duration;
import java.util.Objects;

/**
 * What happens around a policy's pull request besides opening it ({@code git.pullRequest}).
 *
 * @param deleteBranch   delete the side branch once its pull request is merged or closed
 * @param reproposeAfter how long a proposal a person closed without merging stays closed while
 *                       the decision stands; a different proposal is made at once
 */
public record PullRequestLifecycle(boolean deleteBranch, Duration reproposeAfter) {

    public static final Duration DEFAULT_REPROPOSE_AFTER = Duration.ofHours(1);

    /**
     * How long a known open pull request is trusted without asking the forge. Polls in between
     * make no forge call; past it, one pass looks again and so learns of a closing by a person.
     */
    static final Duration RECHECK_OPEN_AFTER = Duration.ofMinutes(1);

    public PullRequestLifecycle {
        Objects.requireNonNull(reproposeAfter, "reproposeAfter");
        if (reproposeAfter.isNegative()) {
            throw new IllegalArgumentException("reproposeAfter must not be negative");
        }
    }

    public static PullRequestLifecycle defaults() {
        return new PullRequestLifecycle(true, DEFAULT_REPROPOSE_AFTER);
    }
}
