package dev.burstgitops.gitops;

import dev.burstgitops.gitops.forge.PullRequestOutcome;
import dev.burstgitops.gitops.forge.PullRequestSync;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records decisions as pull requests ({@code git.writeMode: pull-request}), one instance per
 * policy. Each attempt decides on the refreshed base branch, since that is what is deployed, and
 * then either proposes the change as one commit on the base head, force-pushed with a lease to
 * {@code burst-gitops/<policy>} and kept in one pull request, or, when the base branch already
 * holds it, closes that pull request. The base branch is never pushed.
 *
 * <p>A push refused because the side branch moved since it was fetched starts the attempt over,
 * like a rejected push in {@link ChangePublisher}. Whatever happens, the checkout is put back on
 * the base head before the forge is called, so the next reader of the checkout sees what is deployed.
 */
public final class PullRequestPublisher implements DecisionPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(PullRequestPublisher.class);

    private final JGitWorkspace workspace;
    private final SideBranchPush sideBranch;
    private final PolicyPullRequest pullRequest;
    private final PublishRetry retry;
    private final RandomGenerator jitter;

    /**
     * @param workspace the checkout of the base branch, shared by every policy's publisher (the
     *                  burst loop runs them one at a time)
     * @param policy    names the side branch {@code burst-gitops/<policy>}
     */
    public PullRequestPublisher(JGitWorkspace workspace, String policy, PullRequestSync pullRequests,
                                PublishRetry retry) {
        this(workspace, policy, pullRequests, retry, new SplittableRandom());
    }

    PullRequestPublisher(JGitWorkspace workspace, String policy, PullRequestSync pullRequests, PublishRetry retry,
                         RandomGenerator jitter) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.sideBranch = new SideBranchPush(workspace, Objects.requireNonNull(policy, "policy"));
        this.pullRequest = new PolicyPullRequest(pullRequests, sideBranch.branch(), workspace.remote().branch());
        this.retry = Objects.requireNonNull(retry, "retry");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** The branch this publisher proposes on, {@code burst-gitops/<policy>}. */
    public String sideBranch() {
        return sideBranch.branch();
    }

    @Override
    public <E extends Exception> PublishResult publish(TreeChange<E> change) throws GitException, E {
        String lastRejection = "";
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            String baseHead = workspace.refresh();
            SideBranchOutcome outcome;
            try {
                outcome = proposeOn(baseHead, change);
            } catch (Throwable failure) {
                // Only to put the checkout back: the failure itself goes on unchanged.
                restoreAfter(failure, baseHead);
                throw failure;
            }
            sideBranch.restore(baseHead);
            if (outcome instanceof SideBranchOutcome.OnSideBranch proposed) {
                PullRequestOutcome opened = pullRequest.propose(proposed.commitId(), proposed.message());
                return new PublishResult.Proposed(proposed.commitId(), attempt, proposed.pushed(), opened);
            }
            if (outcome instanceof SideBranchOutcome.BaseHoldsIt) {
                pullRequest.withdraw(baseHead);
                return new PublishResult.NothingToDo(baseHead);
            }
            lastRejection = ((SideBranchOutcome.Rejected) outcome).reason();
            if (attempt < retry.maxAttempts()) {
                Duration delay = retry.delayAfter(attempt, jitter);
                LOG.warn("push of {} refused ({}); refreshing and trying again in {} ms (attempt {} of {})",
                        sideBranch.branch(), lastRejection, delay.toMillis(), attempt + 1, retry.maxAttempts());
                retry.pause(delay);
            }
        }
        return new PublishResult.GaveUp(retry.maxAttempts(), lastRejection);
    }

    // The side branch is read before the change is made, so that the lease covers the whole
    // attempt: whoever moves the branch while we decide makes our push fail, not vanish.
    private <E extends Exception> SideBranchOutcome proposeOn(String baseHead, TreeChange<E> change)
            throws GitException, E {
        Optional<SideBranchHead> seen = sideBranch.read();
        Optional<CommitRequest> request = change.apply(new WorkingTree(workspace.directory(), baseHead));
        if (request.isEmpty()) {
            return new SideBranchOutcome.BaseHoldsIt();
        }
        return sideBranch.propose(request.get(), baseHead, seen);
    }

    private void restoreAfter(Throwable failure, String baseHead) {
        try {
            sideBranch.restore(baseHead);
        } catch (GitException | RuntimeException restoreFailure) {
            failure.addSuppressed(restoreFailure);
        }
    }
}
