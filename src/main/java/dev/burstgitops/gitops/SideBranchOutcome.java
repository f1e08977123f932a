package dev.burstgitops.gitops;

import dev.burstgitops.gitops.forge.PullRequestOutcome;
import java.util.Optional;

/** What proposing a change on a policy's side branch came to, before any pull request is touched. */
sealed interface SideBranchOutcome {

    /**
     * The side branch now holds {@code commitId} on top of the base head; {@code pushed} says
     * whether this pass moved it; {@code proposalKey} names what it writes ({@link ProposalKey}).
     */
    record OnSideBranch(String commitId, String message, String proposalKey, boolean pushed)
            implements SideBranchOutcome {
    }

    /** The change leaves the base branch as it is: there is nothing to propose. {@code seen}: the side branch, if any. */
    record BaseHoldsIt(Optional<SideBranchHead> seen) implements SideBranchOutcome {
    }

    /**
     * A person closed the pull request of this very proposal: nothing was pushed. {@code seen}: the
     * side branch, if any; {@code confirmedNow}: the forge said so in this pass, not only memory.
     */
    record TurnedDown(PullRequestOutcome.TurnedDown outcome, Optional<SideBranchHead> seen, boolean confirmedNow)
            implements SideBranchOutcome {
    }

    /**
     * The remote refused the push, most often because the branch moved since we fetched it (the
     * lease failed). The caller refreshes and tries again; nothing of anyone's was overwritten.
     */
    record Rejected(String reason) implements SideBranchOutcome {
    }
}
