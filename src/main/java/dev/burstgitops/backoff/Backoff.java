package dev.burstgitops.backoff;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How long to wait after failures in a row: {@code base} after the first, doubling after each
 * further one, never more than {@code maximum}. {@code jitter} is the share of each wait that is
 * drawn at random, from 0 (none: a fixed doubling) to 1; at 0.5 ("equal jitter") half the wait is
 * certain and half random, so a retry always does back off and two writers rejected by each
 * other do not retry in lockstep. Time is never read here: callers wait through a
 * {@link Sleeper}, or schedule, or compare with their own clock ({@link RetryTimer}).
 */
public record Backoff(Duration base, Duration maximum, double jitter) {

    /** Equal jitter: half of each wait certain, half at random. */
    public static final double EQUAL_JITTER = 0.5;

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(maximum, "maximum");
        if (base.isNegative() || maximum.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= maximum, got " + base + " and " + maximum);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
        }
    }

    /** No wait at all: for tests, which never sleep. */
    public static Backoff none() {
        return new Backoff(Duration.ZERO, Duration.ZERO, 0);
    }

    /** The wait after {@code failures} failures in a row (1 or more). */
    public Duration after(int failures) {
        return after(failures, ThreadLocalRandom.current());
    }

    /** The wait after {@code failures} failures in a row (1 or more), its random share drawn from {@code random}. */
    public Duration after(int failures, RandomGenerator random) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        long ceiling = base.toMillis();
        for (int i = 1; i < failures && ceiling < maximum.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maximum.toMillis());
        long randomPart = Math.round(ceiling * jitter);
        long certain = ceiling - randomPart;
        return Duration.ofMillis(certain + (randomPart == 0 ? 0 : random.nextLong(randomPart + 1)));
    }
}
