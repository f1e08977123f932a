package dev.burstgitops.gitops;

import dev.burstgitops.gitops.forge.ForgeException;

/**
 * The forge failed to open, update or close a policy's pull request. It is a
 * {@link GitException} so that it travels through {@link DecisionPublisher#publish} and the burst
 * loop retries the pass like any other failure to record a decision. Nothing is lost meanwhile:
 * a pushed side branch stays on the remote, and the next pass finds it and asks the forge again.
 * The message is the forge's, which never carries the token.
 */
public final class PullRequestException extends GitException {

    private final transient ForgeException forgeFailure;

    public PullRequestException(String message, ForgeException forgeFailure) {
        super(message + ": " + forgeFailure.getMessage(), forgeFailure);
        this.forgeFailure = forgeFailure;
    }

    /** What the forge said, with its kind, status and any wait it asked for. */
    public ForgeException forgeFailure() {
        return forgeFailure;
    }
}
