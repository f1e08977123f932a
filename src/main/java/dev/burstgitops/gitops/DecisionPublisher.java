package dev.burstgitops.gitops;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a change made in a fresh working tree goes: straight to the branch
 * ({@link ChangePublisher}) or to a side branch with a pull request
 * ({@code PullRequestPublisher}, for {@code git.writeMode: pull-request}).
 */
public interface DecisionPublisher {

    /**
     * Refreshes the working tree, lets {@code change} edit it and say what to commit, and
     * records that commit; see {@link TreeChange} for how often {@code change} may be called.
     */
    <E extends Exception> PublishResult publish(TreeChange<E> change) throws GitException, E;

    /**
     * As {@link #publish}, with a change that reports what it saw on each attempt; the result
     * comes back with the outcome of the last attempt. Once a commit has been handed over, a
     * failure is the publish's (commit, push, pull request, a retry's refresh), not the refresh
     * before deciding, and is thrown as a {@link PublishFailedException} counting the attempts;
     * except a retry's refresh that finds a head no allowed key signed, thrown as it is.
     */
    default <T, E extends Exception> Publication<T> publishAttempts(TreeAttempt<T, E> change)
            throws GitException, E {
        List<Attempt<T>> attempts = new ArrayList<>();
        PublishResult result;
        try {
            result = publish(tree -> {
                Attempt<T> attempt = change.apply(tree);
                attempts.add(attempt);
                return attempt.commit();
            });
        } catch (UnverifiedHeadException e) {
            // A person's unsigned push won the race: not the publish's failure, the head's.
            throw e;
        } catch (GitException e) {
            int handedOver = (int) attempts.stream().filter(attempt -> attempt.commit().isPresent()).count();
            throw handedOver == 0 ? e : new PublishFailedException(e, handedOver);
        }
        if (attempts.isEmpty()) {
            throw new IllegalStateException("a publish ended without an attempt: " + result);
        }
        return new Publication<>(result, attempts.get(attempts.size() - 1).outcome());
    }
}
