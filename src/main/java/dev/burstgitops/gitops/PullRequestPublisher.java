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
 * <p>Once the pull request is done with (merged, or the base holds its change otherwise, or a
 * person closed it) the side branch is deleted ({@code git.pullRequest.deleteBranch}). A proposal
 * a person closed without merging is neither pushed nor proposed again while the decision stands,
 * until {@code git.pullRequest.reproposeAfter} has passed ({@link PolicyPullRequest}).
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
    private final boolean deleteBranch;

    /**
     * @param workspace the checkout of the base branch, shared by every policy's publisher (the
     *                  burst loop runs them one at a time)
     * @param policy    names the side branch {@code burst-gitops/<policy>}
     */
    public PullRequestPublisher(JGitWorkspace workspace, String policy, PullRequestSync pullRequests,
                                PublishRetry retry) {
        this(workspace, policy, pullRequests, retry, PullRequestLifecycle.defaults());
    }

    public PullRequestPublisher(JGitWorkspace workspace, String policy, PullRequestSync pullRequests,
                                PublishRetry retry, PullRequestLifecycle lifecycle) {
        this(workspace, policy, pullRequests, retry, lifecycle, new SplittableRandom());
    }

    PullRequestPublisher(JGitWorkspace workspace, String policy, PullRequestSync pullRequests, PublishRetry retry,
                         RandomGenerator jitter) {
        this(workspace, policy, pullRequests, retry, PullRequestLifecycle.defaults(), jitter);
    }

    PullRequestPublisher(JGitWorkspace workspace, String policy, PullRequestSync pullRequests, PublishRetry retry,
                         PullRequestLifecycle lifecycle, RandomGenerator jitter) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.sideBranch = new SideBranchPush(workspace, Objects.requireNonNull(policy, "policy"));
        this.pullRequest = new PolicyPullRequest(pullRequests, sideBranch.branch(), workspace.remote().branch(),
                lifecycle.reproposeAfter());
        this.retry = Objects.requireNonNull(retry, "retry");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.deleteBranch = lifecycle.deleteBranch();
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
                PullRequestOutcome opened = pullRequest.propose(proposed.commitId(), proposed.message(),
                        proposed.proposalKey(), workspace.now());
                return new PublishResult.Proposed(proposed.commitId(), attempt, proposed.pushed(), opened);
            }
            if (outcome instanceof SideBranchOutcome.BaseHoldsIt holds) {
                pullRequest.withdraw(baseHead);
                deleteSideBranch(holds.seen());
                return new PublishResult.NothingToDo(baseHead);
            }
            if (outcome instanceof SideBranchOutcome.TurnedDown turnedDown) {
                // Only when the forge has just said nothing is open: deleting the branch of a pull
                // request a person reopened since we last asked would close it again.
                if (turnedDown.confirmedNow()) {
                    deleteSideBranch(turnedDown.seen());
                }
                // Nothing was pushed: the base head stands in for the commit that was not made.
                return new PublishResult.Proposed(baseHead, attempt, false, turnedDown.outcome());
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
        Optional<ProposalStaged> staged = request.isEmpty() ? Optional.empty() : sideBranch.stage(request.get(), baseHead);
        if (staged.isEmpty()) {
            return new SideBranchOutcome.BaseHoldsIt(seen);
        }
        // Asked before the push, so that a turned-down proposal does not even reappear as a branch.
        Optional<PolicyPullRequest.Refusal> turnedDown = pullRequest.turnedDown(staged.get().key(), workspace.now());
        if (turnedDown.isPresent()) {
            return new SideBranchOutcome.TurnedDown(turnedDown.get().outcome(), seen, turnedDown.get().confirmedNow());
        }
        return sideBranch.propose(staged.get(), seen);
    }

    private void deleteSideBranch(Optional<SideBranchHead> seen) throws GitException {
        if (deleteBranch && seen.isPresent()) {
            sideBranch.delete(seen.get());
        }
    }

    private void restoreAfter(Throwable failure, String baseHead) {
        try {
            sideBranch.restore(baseHead);
        } catch (GitException | RuntimeException restoreFailure) {
            failure.addSuppressed(restoreFailure);
        }
    }
}
