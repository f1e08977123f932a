package dev.burstgitops.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays a policy's past observations through the same {@link HysteresisDecider} a running
 * controller uses — windows, cooldown, missing data — as if every change had been committed the
 * moment it was decided. Pure and fed one poll at a time, so a replay over months needs memory
 * for one poll, not for the history.
 */
public final class Backtest {

    /** A change the policy would have made. */
    public record Change(Instant at, Mode from, Mode to, Observation observed, String rule) {
        public Change {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(observed, "observed");
        }
    }

    /** How the replayed span went: the number of changes and the time spent in each mode. */
    public record Summary(Instant from, Instant to, int changes, Map<Mode, Duration> timeIn) {
        public Summary {
            timeIn = Map.copyOf(timeIn);
        }
    }

    private final HysteresisDecider decider;
    private final Instant start;
    private final Map<Mode, Duration> timeIn = new EnumMap<>(Mode.class);
    private Mode mode;
    private Instant modeSince;
    private Optional<Instant> lastChange = Optional.empty();
    private Streak streak = Streak.none();
    private int changes;

    /** A replay that starts in {@code mode} at {@code start}. */
    public Backtest(HysteresisDecider decider, Mode mode, Instant start) {
        this.decider = Objects.requireNonNull(decider, "decider");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.start = Objects.requireNonNull(start, "start");
        this.modeSince = start;
    }

    /** One poll at {@code at}; the change it would have caused, if any. */
    public Optional<Change> observe(Observation observation, Instant at) {
        Verdict verdict = decider.decide(new Situation(mode, lastChange, Optional.empty()), observation, streak, at);
        streak = verdict.streak();
        if (!(verdict.decision() instanceof Decision.Change change)) {
            return Optional.empty();
        }
        timeIn.merge(mode, Duration.between(modeSince, at), Duration::plus);
        Change made = new Change(at, change.from(), change.to(), observation, change.rule());
        mode = change.to();
        modeSince = at;
        lastChange = Optional.of(at);
        changes++;
        return Optional.of(made);
    }

    /** The replay so far, with the current mode counted up to {@code end}. */
    public Summary summary(Instant end) {
        Map<Mode, Duration> total = new EnumMap<>(timeIn);
        total.merge(mode, Duration.between(modeSince, end), Duration::plus);
        return new Summary(start, end, changes, total);
    }

    /** The streak after the last poll: what a restarted controller would carry on from. */
    public Streak streak() {
        return streak;
    }
}
