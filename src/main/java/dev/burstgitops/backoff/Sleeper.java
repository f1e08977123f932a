package dev.burstgitops.backoff;

import java.time.Duration;

/** How a retry waits out a {@link Backoff}; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep}. */
    Sleeper THREAD = duration -> {
        if (!duration.isZero() && !duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
