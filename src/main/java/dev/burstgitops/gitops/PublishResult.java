package dev.burstgitops.gitops;

/** How a {@link ChangePublisher#publish} ended. Failures other than these are {@link GitException}s. */
public sealed interface PublishResult {

    /** The change is on the remote branch as {@code commitId}, after {@code attempts} tries. */
    record Published(String commitId, int attempts) implements PublishResult {
    }

    /** On the latest remote head ({@code head}) the change had nothing to write: a normal result. */
    record NothingToDo(String head) implements PublishResult {
    }

    /** Every attempt was rejected by the remote; the last reason is kept for the log and status. */
    record GaveUp(int attempts, String lastRejection) implements PublishResult {
    }
}
