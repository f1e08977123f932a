package dev.burstgitops.gitops;

import dev.burstgitops.backoff.Backoff;
import dev.burstgitops.backoff.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often {@link ChangePublisher} tries again after a rejected push, and how long it waits:
 * the house {@link Backoff} with equal jitter, so that two writers rejected by each other do not
 * retry in lockstep, waited out through a {@link Sleeper} a test can replace.
 */
public record PublishRetry(int maxAttempts, Backoff backoff, Sleeper sleeper) {

    public PublishRetry {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(sleeper, "sleeper");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** Exponential from {@code backoffBase}, capped at {@code backoffMax}; a zero base retries at once. */
    public PublishRetry(int maxAttempts, Duration backoffBase, Duration backoffMax) {
        this(maxAttempts, new Backoff(backoffBase, backoffMax, Backoff.EQUAL_JITTER), Sleeper.THREAD);
    }

    public static PublishRetry defaults() {
        return new PublishRetry(5, Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    /** Retries with no wait: for tests, which never sleep. */
    public static PublishRetry immediately(int maxAttempts) {
        return new PublishRetry(maxAttempts, Backoff.none(), Sleeper.THREAD);
    }

    /** The same retries, waited out by {@code other}: a test's, which records instead of sleeping. */
    public PublishRetry sleepingWith(Sleeper other) {
        return new PublishRetry(maxAttempts, backoff, other);
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        return backoff.after(attempt, random);
    }

    /** Waits out a backoff; an interrupt (the loop shutting down) ends the retry as a failure. */
    void pause(Duration delay) throws GitException {
        if (delay.isZero()) {
            return;
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            // Keep the flag for the loop that owns this thread: it is shutting down.
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while waiting to retry a refused push", e);
        }
    }
}
