package dev.burstgitops.gitops;

/**
 * A decision was made and handed over as a commit, but it could not be published: the remote
 * rejected every push, or the commit, a push or the pull request failed. A failure to refresh
 * before deciding is a plain {@link GitException}; this subtype lets metrics count push failures
 * apart from fetch failures, and count the retries of a publish that gave up. The message is
 * the one the failure had before, unchanged.
 */
public final class PublishFailedException extends GitException {

    private final int attempts;

    /** @param attempts commits handed to the publisher, the last (failed) one included */
    public PublishFailedException(String message, int attempts) {
        super(message);
        this.attempts = attempts;
    }

    /** Wraps a failure of the publish, keeping its message and it as the cause. */
    public PublishFailedException(GitException failure, int attempts) {
        super(failure.getMessage(), failure);
        this.attempts = attempts;
    }

    /** Attempts made; every one after the first was a retry. */
    public int attempts() {
        return attempts;
    }
}
