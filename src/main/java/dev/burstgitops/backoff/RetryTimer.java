package dev.burstgitops.backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The backoff of something retried by a loop that turns on its own schedule (a cluster failing
 * its sync passes): failures in a row, and the time before which it should not be tried again.
 * A success resets it. Read on the clock it is given, so a test moves time instead of waiting.
 * Thread-safe.
 */
public final class RetryTimer {

    private final Backoff backoff;
    private final Clock clock;
    private int failures;
    private Instant notBefore = Instant.MIN;

    public RetryTimer(Backoff backoff, Clock clock) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One more failure: no retry before the backoff for this many failures has passed; returns that wait. */
    public synchronized Duration failed() {
        failures++;
        Duration wait = backoff.after(failures);
        notBefore = clock.instant().plus(wait);
        return wait;
    }

    /** It worked: the next failure starts from the base again. */
    public synchronized void succeeded() {
        failures = 0;
        notBefore = Instant.MIN;
    }

    /** Whether the backoff since the last failure is over (always, while it is not failing). */
    public synchronized boolean due() {
        return !clock.instant().isBefore(notBefore);
    }

    public synchronized int failures() {
        return failures;
    }
}
