package dev.burstgitops.gitops.forge;

import dev.burstgitops.backoff.Backoff;
import dev.burstgitops.backoff.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * Retries a forge call a bounded number of times when the failure is
 * {@linkplain ForgeException#retriable() retriable}, waiting what the forge asked for
 * ({@link ForgeException#retryAfter()}) or else the house {@link Backoff}, doubling from
 * {@code firstBackoff} without jitter (a forge's limits are per token, not shared by writers
 * racing each other), waited out through a {@link Sleeper} a test replaces.
 *
 * <p>A wait longer than {@code longestWait} is not slept through: a GitHub rate-limit reset can
 * be an hour away, and a loop pass must not hang that long. The failure goes up at once,
 * carrying its {@code retryAfter}, for the loop to reschedule.
 */
public final class ForgeRetry {

    /** A forge call that may be repeated. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws ForgeException;
    }

    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration longestWait;
    private final Sleeper sleeper;

    public ForgeRetry(int maxAttempts, Duration firstBackoff, Duration longestWait, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.longestWait = Objects.requireNonNull(longestWait, "longestWait");
        // The cap only needs to lie past longestWait: the first wait past that is not slept through.
        Duration first = Objects.requireNonNull(firstBackoff, "firstBackoff");
        Duration pastLongest = longestWait.multipliedBy(2);
        this.backoff = new Backoff(first, first.compareTo(pastLongest) > 0 ? first : pastLongest, 0);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Three attempts, 1 s then 2 s apart, never waiting longer than 30 s. */
    public static ForgeRetry standard() {
        return new ForgeRetry(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Sleeper.THREAD);
    }

    /** No retry at all: each failure goes straight to the caller. */
    public static ForgeRetry none() {
        return new ForgeRetry(1, Duration.ZERO, Duration.ZERO, duration -> { });
    }

    public <T> T call(Attempt<T> attempt) throws ForgeException {
        for (int number = 1; ; number++) {
            try {
                return attempt.run();
            } catch (ForgeException failure) {
                int failures = number;
                Duration wait = failure.retryAfter().orElseGet(() -> backoff.after(failures));
                if (!failure.retriable() || number == maxAttempts || wait.compareTo(longestWait) > 0) {
                    throw failure;
                }
                sleep(wait, failure);
            }
        }
    }

    private void sleep(Duration wait, ForgeException failure) throws ForgeException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            // Shutting down: keep the interrupt for the loop and report the failure we had.
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
