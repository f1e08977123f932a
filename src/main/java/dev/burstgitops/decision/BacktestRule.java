package dev.burstgitops.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rule a {@link Backtest} replays, together with what a running controller would carry from
 * poll to poll: the weights as last committed (a mode, or a burst share) and the streak. Each
 * kind decides through the very decider the controller runs, so a backtest cannot drift from
 * production; {@link Backtest} only keeps the books and need not know which kind it replays.
 * No override is ever in force here: overrides are people's decisions, not the policy's.
 */
public sealed interface BacktestRule {

    /** enterAbove/exitBelow, starting with the weights in {@code mode}. */
    static BacktestRule band(HysteresisDecider decider, Mode mode) {
        return new Band(decider, mode);
    }

    /** spillover, starting with {@code share} percent in burst. */
    static BacktestRule spillover(SpilloverDecider decider, int share) {
        return new Spillover(decider, share);
    }

    /** The mode the weights are in now; for spillover, the mode the share means. */
    Mode mode();

    /** The burst share the weights hold now; empty for the band rule. */
    OptionalInt share();

    /**
     * Decides one poll at {@code at}. A change is taken as committed at once, as the controller's
     * next poll would read it from the new head.
     */
    Decision decide(Optional<Instant> lastChange, Observation observation, Instant at);

    /** Switches between the natural and the burst weights. */
    final class Band implements BacktestRule {
        private final HysteresisDecider decider;
        private Mode mode;
        private Streak streak = Streak.none();

        private Band(HysteresisDecider decider, Mode mode) {
            this.decider = Objects.requireNonNull(decider, "decider");
            this.mode = Objects.requireNonNull(mode, "mode");
        }

        @Override
        public Mode mode() {
            return mode;
        }

        @Override
        public OptionalInt share() {
            return OptionalInt.empty();
        }

        @Override
        public Decision decide(Optional<Instant> lastChange, Observation observation, Instant at) {
            Verdict verdict = decider.decide(new Situation(mode, lastChange, Optional.empty()), observation, streak, at);
            streak = verdict.streak();
            mode = verdict.decision().to();
            return verdict.decision();
        }
    }

    /** Moves the burst share in steps. */
    final class Spillover implements BacktestRule {
        private final SpilloverDecider decider;
        private int share;
        private ShareStreak streak = ShareStreak.none();

        private Spillover(SpilloverDecider decider, int share) {
            if (share < 0 || share > 100) {
                throw new IllegalArgumentException("a share is 0 to 100 percent, not " + share);
            }
            this.decider = Objects.requireNonNull(decider, "decider");
            this.share = share;
        }

        @Override
        public Mode mode() {
            return ShareMove.modeOf(share);
        }

        @Override
        public OptionalInt share() {
            return OptionalInt.of(share);
        }

        @Override
        public Decision decide(Optional<Instant> lastChange, Observation observation, Instant at) {
            SpilloverVerdict verdict = decider.decide(new Situation(mode(), lastChange, Optional.empty()),
                    OptionalInt.of(share), observation, streak, at);
            streak = verdict.streak();
            // The replayed weights are always a split, so every decision names its share.
            share = verdict.decision().share().orElseThrow().to();
            return verdict.decision();
        }
    }
}
