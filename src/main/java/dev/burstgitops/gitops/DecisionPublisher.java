package dev.burstgitops.gitops;

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
}
