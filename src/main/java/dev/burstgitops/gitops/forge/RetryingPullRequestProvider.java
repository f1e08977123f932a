package dev.burstgitops.gitops.forge;

import java.util.Objects;
import java.util.Optional;

/**
 * Retries each call of another provider with a {@link ForgeRetry}. Every call is safe to repeat:
 * reads and PATCH/PUT are idempotent, a repeated open ends in {@code ALREADY_EXISTS} (which
 * {@link PullRequestSync} turns into find-and-update), and {@code close} closes before it
 * comments so that a failed close never leaves a comment to be posted twice.
 */
public final class RetryingPullRequestProvider implements PullRequestProvider {

    private final PullRequestProvider delegate;
    private final ForgeRetry retry;

    public RetryingPullRequestProvider(PullRequestProvider delegate, ForgeRetry retry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    @Override
    public Optional<PullRequest> findOpen(String headBranch, String baseBranch) throws ForgeException {
        return retry.call(() -> delegate.findOpen(headBranch, baseBranch));
    }

    @Override
    public PullRequestOutcome.Opened open(PullRequestDraft draft) throws ForgeException {
        return retry.call(() -> delegate.open(draft));
    }

    @Override
    public PullRequest update(PullRequest existing, PullRequestDraft draft) throws ForgeException {
        return retry.call(() -> delegate.update(existing, draft));
    }

    @Override
    public Optional<ClosedPullRequest> lastClosedUnmerged(String headBranch, String baseBranch) throws ForgeException {
        return retry.call(() -> delegate.lastClosedUnmerged(headBranch, baseBranch));
    }

    @Override
    public void close(PullRequest existing, String comment) throws ForgeException {
        retry.call(() -> {
            delegate.close(existing, comment);
            return null;
        });
    }
}
