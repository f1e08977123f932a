package dev.burstgitops.gitops;

/**
 * A {@link TreeChange} that also says what it saw: called once per attempt on a fresh tree, it
 * returns its outcome there along with what to commit. See
 * {@link DecisionPublisher#publishAttempts}.
 */
@FunctionalInterface
public interface TreeAttempt<T, E extends Exception> {
    Attempt<T> apply(WorkingTree tree) throws E;
}
