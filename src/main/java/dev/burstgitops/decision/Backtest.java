package dev.burstgitops.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Replays a policy's past observations through the same deciders a running controller uses —
 * windows, cooldown, missing data, and for spillover the share streak — as if every change had
 * been committed the moment it was decided ({@link BacktestRule}). Pure and fed one poll at a
 * time, so a replay over months needs memory for one poll, not for the history.
 */
public final class Backtest {

    /**
     * A change the policy would have made.
     *
     * @param from  the mode before, and {@code to} after (share 0 is natural, any other burst)
     * @param share for a spillover policy, the share it moves from and to; empty for the band rule
     */
    public record Change(Instant at, Mode from, Mode to, Observation observed, String rule,
                         Optional<ShareMove> share) {
        public Change {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(observed, "observed");
            Objects.requireNonNull(share, "share");
        }

        /** Where the weights were, as a person reads it: natural, burst; or 40%. */
        public String fromLabel() {
            return share.map(move -> shareLabel(move.from())).orElse(from.label());
        }

        /** Where the weights go, labelled as {@link #fromLabel()}. */
        public String toLabel() {
            return share.map(move -> shareLabel(move.to())).orElse(to.label());
        }
    }

    /**
     * How the replayed span went: the number of changes and the time spent in each mode and, for a
     * spillover policy, in each share.
     *
     * @param timeInShare time at each share held, lowest first; empty for the band rule
     */
    public record Summary(Instant from, Instant to, int changes, Map<Mode, Duration> timeIn,
                          SortedMap<Integer, Duration> timeInShare) {
        public Summary {
            timeIn = Map.copyOf(timeIn);
            timeInShare = Collections.unmodifiableSortedMap(new TreeMap<>(timeInShare));
        }

        /**
         * The time in each place the weights were, labelled as changes are and in order: natural
         * then burst for the band rule (both, even when never held); each share held, lowest first,
         * for spillover (a replay starts at a share, so that tally is never empty).
         */
        public Map<String, Duration> timeInEach() {
            Map<String, Duration> each = new LinkedHashMap<>();
            if (timeInShare.isEmpty()) {
                for (Mode mode : new Mode[] {Mode.NATURAL, Mode.BURST}) {
                    each.put(mode.label(), timeIn.getOrDefault(mode, Duration.ZERO));
                }
            } else {
                timeInShare.forEach((share, time) -> each.put(shareLabel(share), time));
            }
            return each;
        }
    }

    private final BacktestRule rule;
    private final Instant start;
    private final Map<Mode, Duration> timeIn = new EnumMap<>(Mode.class);
    private final SortedMap<Integer, Duration> timeInShare = new TreeMap<>();
    private Instant since;
    private Optional<Instant> lastChange = Optional.empty();
    private int changes;

    /** A replay of {@code rule}, from the weights it starts with, at {@code start}. */
    public Backtest(BacktestRule rule, Instant start) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.start = Objects.requireNonNull(start, "start");
        this.since = start;
    }

    /** One poll at {@code at}; the change it would have caused, if any. */
    public Optional<Change> observe(Observation observation, Instant at) {
        Mode mode = rule.mode();
        OptionalInt share = rule.share();
        Decision decision = rule.decide(lastChange, observation, at);
        if (!(decision instanceof Decision.Change change)) {
            return Optional.empty();
        }
        tally(timeIn, timeInShare, mode, share, Duration.between(since, at));
        since = at;
        lastChange = Optional.of(at);
        changes++;
        return Optional.of(new Change(at, change.from(), change.to(), observation, change.rule(), change.share()));
    }

    /** The replay so far, with where the weights are now counted up to {@code end}. */
    public Summary summary(Instant end) {
        Map<Mode, Duration> modes = new EnumMap<>(timeIn);
        SortedMap<Integer, Duration> shares = new TreeMap<>(timeInShare);
        tally(modes, shares, rule.mode(), rule.share(), Duration.between(since, end));
        return new Summary(start, end, changes, modes, shares);
    }

    private static void tally(Map<Mode, Duration> modes, SortedMap<Integer, Duration> shares, Mode mode,
                              OptionalInt share, Duration held) {
        modes.merge(mode, held, Duration::plus);
        share.ifPresent(s -> shares.merge(s, held, Duration::plus));
    }

    private static String shareLabel(int share) {
        return share + "%";
    }
}
