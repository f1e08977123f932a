package dev.burstgitops.gitops;

/** What proposing a change on a policy's side branch came to, before any pull request is touched. */
sealed interface SideBranchOutcome {

    /** The side branch now holds {@code commitId} on top of the base head; {@code pushed} says whether this pass moved it. */
    record OnSideBranch(String commitId, String message, boolean pushed) implements SideBranchOutcome {
    }

    /** The change leaves the base branch as it is: there is nothing to propose. */
    record BaseHoldsIt() implements SideBranchOutcome {
    }

    /**
     * The remote refused the push, most often because the branch moved since we fetched it (the
     * lease failed). The caller refreshes and tries again; nothing of anyone's was overwritten.
     */
    record Rejected(String reason) implements SideBranchOutcome {
    }
}
