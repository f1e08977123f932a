package dev.burstgitops.gitops;

/** What became of a commit-and-push. A rejection is an outcome the caller retries, not an error. */
public sealed interface PushOutcome {

    /** The commit is on the remote branch. */
    record Pushed(String commitId) implements PushOutcome {
        public String shortId() {
            return commitId.substring(0, 7);
        }
    }

    /** The named paths hold what the head already has: nothing was committed. */
    record NoChange() implements PushOutcome {
    }

    /**
     * The remote refused the update without force: someone pushed meanwhile (non-fast-forward)
     * or a remote hook said no. The local commit is discarded by the next refresh.
     */
    record Rejected(String reason) implements PushOutcome {
    }
}
