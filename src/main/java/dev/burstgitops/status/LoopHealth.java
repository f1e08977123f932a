package dev.burstgitops.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Liveness that means the loops are turning. Each loop registers with the longest silence it
 * may keep and reports {@link #progressed} after every pass, a handled failure included:
 * Prometheus or Git being down for a while is not a reason to restart the pod, a wedged thread is.
 * A loop that has failed past its own bound reports {@link #failing} instead, and stays unhealthy
 * until it progresses again: then a restart is what may help. Time comes from the injected clock only.
 */
public final class LoopHealth {

    static final Duration MINIMUM_LIMIT = Duration.ofSeconds(30);

    private final Clock clock;
    private final Map<String, Progress> loops = new ConcurrentHashMap<>();

    public LoopHealth(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The silence to allow a loop that passes every {@code interval}: three missed passes, and
     * never under 30 s so a 1 s loop is not killed by one long GC pause or a slow push.
     */
    public static Duration limitFor(Duration interval) {
        Duration threeMissed = interval.multipliedBy(3);
        return threeMissed.compareTo(MINIMUM_LIMIT) < 0 ? MINIMUM_LIMIT : threeMissed;
    }

    /** Starts watching a loop; registering counts as progress, so its first pass has a full limit. */
    public void register(String loop, Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("limit for loop " + loop + " must be positive: " + limit);
        }
        loops.put(loop, new Progress(limit, clock.instant(), null));
    }

    /** The loop finished a pass, whatever its outcome; clears {@link #failing}. */
    public void progressed(String loop) {
        report(loop, null);
    }

    /**
     * The loop still turns but has failed past its bound ({@code why} says how): unhealthy until
     * it {@link #progressed} again.
     */
    public void failing(String loop, String why) {
        report(loop, java.util.Objects.requireNonNull(why, "why"));
    }

    private void report(String loop, String failure) {
        Instant now = clock.instant();
        Progress updated = loops.computeIfPresent(loop, (name, progress) -> new Progress(progress.limit(), now, failure));
        if (updated == null) {
            // A loop that reports without registering would never be watched: a wiring bug.
            throw new IllegalStateException("loop " + loop + " reported progress but was never registered");
        }
    }

    /** Every registered loop, stalled or failing ones first, as of now. */
    public HealthReport check() {
        Instant now = clock.instant();
        List<LoopStatus> statuses = loops.entrySet().stream()
                .map(entry -> entry.getValue().statusAt(entry.getKey(), now))
                .sorted(Comparator.comparing(LoopStatus::healthy).thenComparing(LoopStatus::name))
                .toList();
        return new HealthReport(statuses);
    }

    /** @param failure why the loop is failing past its bound; null while it is not */
    private record Progress(Duration limit, Instant last, String failure) {
        LoopStatus statusAt(String name, Instant now) {
            Duration silent = Duration.between(last, now);
            return new LoopStatus(name, silent.compareTo(limit) > 0, last, limit, silent, failure);
        }
    }
}
