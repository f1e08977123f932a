package dev.burstgitops.gitops;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often {@link ChangePublisher} tries again after a rejected push, and how long it waits:
 * exponential from {@code backoffBase}, capped at {@code backoffMax}, with jitter so that two
 * writers rejected by each other do not retry in lockstep. A zero base retries at once (tests).
 */
public record PublishRetry(int maxAttempts, Duration backoffBase, Duration backoffMax) {

    public PublishRetry {
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (backoffBase.isNegative() || backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("need 0 <= backoffBase <= backoffMax");
        }
    }

    public static PublishRetry defaults() {
        return new PublishRetry(5, Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    /** Retries with no wait: for tests, which never sleep. */
    public static PublishRetry immediately(int maxAttempts) {
        return new PublishRetry(maxAttempts, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): half the exponential step for
     * certain, the other half at random ("equal jitter"), so a retry always does back off.
     */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        long ceiling = backoffBase.toMillis();
        for (int i = 1; i < attempt && ceiling < backoffMax.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, backoffMax.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }

    /** Waits out a backoff; an interrupt (the loop shutting down) ends the retry as a failure. */
    static void pause(Duration delay) throws GitException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            // Keep the flag for the loop that owns this thread: it is shutting down.
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while waiting to retry a refused push", e);
        }
    }
}
