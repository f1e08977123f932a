package dev.burstgitops.gitops;

import dev.burstgitops.gitops.forge.PullRequestOutcome;
import java.util.Optional;

/** How a {@link DecisionPublisher#publish} ended. Failures other than these are {@link GitException}s. */
public sealed interface PublishResult {

    /** The commit now on the remote branch; empty unless the change was {@link Published}. */
    default Optional<String> pushedCommit() {
        return Optional.empty();
    }

    /** Fetch-change-push rounds taken: more than one after a rejected push. */
    default int attempts() {
        return 1;
    }

    /** The change is on the remote branch as {@code commitId}, after {@code attempts} tries. */
    record Published(String commitId, int attempts) implements PublishResult {
        @Override
        public Optional<String> pushedCommit() {
            return Optional.of(commitId);
        }
    }

    /** On the latest remote head ({@code head}) the change had nothing to write: a normal result. */
    record NothingToDo(String head) implements PublishResult {
    }

    /** Every attempt was rejected by the remote; the last reason is kept for the log and status. */
    record GaveUp(int attempts, String lastRejection) implements PublishResult {
    }

    /** A dry run: on {@code head} the change would be committed as {@code commit}; nothing was written. */
    record WouldCommit(String head, CommitRequest commit) implements PublishResult {
    }

    /**
     * Pull-request mode: the change waits for review as {@code commitId} on the policy's side
     * branch, on top of the base head; it is <em>not</em> on the base branch, so nothing is
     * deployed until a person (or auto-merge) merges {@code pullRequest}'s pull request.
     *
     * @param pushed false when the side branch already proposed exactly this change, as on
     *               every poll while a pull request waits
     */
    record Proposed(String commitId, int attempts, boolean pushed, PullRequestOutcome pullRequest)
            implements PublishResult {
    }
}
