package dev.burstgitops.gitops;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one change to the branch, the GitOps way: refresh, let the caller edit the fresh tree
 * and say what to commit, commit, push without force. When the push is rejected because someone
 * else pushed first, it starts over from refresh, so the caller decides again on their commit
 * instead of overwriting it. Our unpushed commit is simply dropped by the next refresh.
 */
public final class ChangePublisher implements DecisionPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ChangePublisher.class);

    private final GitWorkspace workspace;
    private final PublishRetry retry;
    private final RandomGenerator jitter;

    public ChangePublisher(GitWorkspace workspace, PublishRetry retry) {
        this(workspace, retry, new SplittableRandom());
    }

    ChangePublisher(GitWorkspace workspace, PublishRetry retry, RandomGenerator jitter) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** @param change what to edit and commit on each attempt's fresh head; see {@link TreeChange} */
    @Override
    public <E extends Exception> PublishResult publish(TreeChange<E> change) throws GitException, E {
        String lastRejection = "";
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            String head = workspace.refresh();
            Optional<CommitRequest> request = change.apply(new WorkingTree(workspace.directory(), head));
            if (request.isEmpty()) {
                return new PublishResult.NothingToDo(head);
            }
            PushOutcome outcome = workspace.commitAndPush(request.get());
            if (outcome instanceof PushOutcome.Pushed pushed) {
                return new PublishResult.Published(pushed.commitId(), attempt);
            }
            if (outcome instanceof PushOutcome.NoChange) {
                return new PublishResult.NothingToDo(head);
            }
            lastRejection = ((PushOutcome.Rejected) outcome).reason();
            if (attempt < retry.maxAttempts()) {
                Duration delay = retry.delayAfter(attempt, jitter);
                LOG.warn("push rejected ({}); refreshing and trying again in {} ms (attempt {} of {})",
                        lastRejection, delay.toMillis(), attempt + 1, retry.maxAttempts());
                retry.pause(delay);
            }
        }
        return new PublishResult.GaveUp(retry.maxAttempts(), lastRejection);
    }
}
