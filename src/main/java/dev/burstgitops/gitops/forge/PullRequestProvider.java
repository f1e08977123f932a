package dev.burstgitops.gitops.forge;

import java.util.Optional;

/**
 * A forge that holds the controller's pull requests (GitHub, Gitea/Forgejo, GitLab). Each call
 * is one small step; {@link PullRequestSync} orders them so that a policy has at most one open
 * pull request. Every failure is a {@link ForgeException} naming the provider, method and path.
 */
public interface PullRequestProvider {

    /** The open pull request from {@code headBranch} into {@code baseBranch} of this repository, if any. */
    Optional<PullRequest> findOpen(String headBranch, String baseBranch) throws ForgeException;

    /**
     * Opens a pull request, then asks for auto-merge when the forge was configured for it. A
     * refused auto-merge does not undo the opening: it is reported in the outcome.
     */
    PullRequestOutcome.Opened open(PullRequestDraft draft) throws ForgeException;

    /** Replaces title and body; the branches of a pull request never change. */
    PullRequest update(PullRequest existing, PullRequestDraft draft) throws ForgeException;

    /**
     * The pull request from {@code headBranch} into {@code baseBranch} that was closed last, when
     * it was closed without being merged; empty when the last one was merged or none was closed.
     * The default answers empty, for a provider that cannot read closed pull requests (test
     * stand-ins): there only the controller's memory keeps a turned-down proposal from coming back.
     */
    default Optional<ClosedPullRequest> lastClosedUnmerged(String headBranch, String baseBranch) throws ForgeException {
        return Optional.empty();
    }

    /** Closes without merging and leaves {@code comment} (skipped when blank) saying why. */
    void close(PullRequest existing, String comment) throws ForgeException;
}
