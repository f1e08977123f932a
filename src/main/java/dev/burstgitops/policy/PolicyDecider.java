package dev.burstgitops.policy;

import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.HysteresisDecider;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.decision.ShareStreak;
import dev.burstgitops.decision.SpilloverDecider;
import dev.burstgitops.decision.SpilloverVerdict;
import dev.burstgitops.decision.Streak;
import dev.burstgitops.decision.Verdict;
import dev.burstgitops.record.PolicyState;
import java.time.Instant;
import java.util.Optional;

/**
 * One policy's pure decider together with the streak it carries from poll to poll: the band
 * rule ({@link HysteresisDecider}) or proportional spillover ({@link SpilloverDecider}). A pass
 * may decide several times on successive heads (a rejected push is decided again), so a
 * decision's streak is only kept once the pass has published, by {@link #keepLast()}.
 */
public sealed interface PolicyDecider {

    static PolicyDecider of(PolicyConfig policy, Optional<StreakRestore> restore) {
        return policy.spills() ? new Spillover(policy, new SpilloverDecider(policy.spillover().get()), restore)
                : new Band(policy, new HysteresisDecider(policy.rule()), restore);
    }

    /** Carries on the streak of the past window, on the loop's first pass. */
    void start(Instant now);

    Decision decide(PolicyState state, Observation observation, Instant now);

    void keepLast();

    /** enterAbove/exitBelow: switches between the natural and the burst weights. */
    final class Band implements PolicyDecider {
        private final PolicyConfig policy;
        private final HysteresisDecider decider;
        private final Optional<StreakRestore> restore;
        private Streak streak = Streak.none();
        private Streak last;

        Band(PolicyConfig policy, HysteresisDecider decider, Optional<StreakRestore> restore) {
            this.policy = policy;
            this.decider = decider;
            this.restore = restore;
        }

        @Override
        public void start(Instant now) {
            streak = restore.map(history -> history.at(policy, now)).orElse(streak);
        }

        @Override
        public Decision decide(PolicyState state, Observation observation, Instant now) {
            Verdict verdict = decider.decide(state.situation(), observation, streak, now);
            last = verdict.streak();
            return verdict.decision();
        }

        @Override
        public void keepLast() {
            streak = last == null ? streak : last;
        }
    }

    /**
     * spillover: moves the burst share in steps. Its streak is measured against the share the
     * weights hold, which is only known once a pass has read the head, so the restore from
     * Prometheus' history waits for the first decision after {@link #start}.
     */
    final class Spillover implements PolicyDecider {
        private final PolicyConfig policy;
        private final SpilloverDecider decider;
        private final Optional<StreakRestore> restore;
        private boolean restorePending;
        private ShareStreak streak = ShareStreak.none();
        private ShareStreak last;

        Spillover(PolicyConfig policy, SpilloverDecider decider, Optional<StreakRestore> restore) {
            this.policy = policy;
            this.decider = decider;
            this.restore = restore;
        }

        @Override
        public void start(Instant now) {
            restorePending = restore.isPresent();
        }

        @Override
        public Decision decide(PolicyState state, Observation observation, Instant now) {
            if (restorePending) {
                // Once per start, even when the pass decides again on a newer head: a share that
                // moved meanwhile starts the streak afresh, as it would have without the restart.
                restorePending = false;
                // Weights that are not a split keep no streak, so there is nothing to restore.
                state.share().ifPresent(current -> streak = restore.get().shareAt(policy, current,
                        state.situation().lastChange(), now));
            }
            SpilloverVerdict verdict = decider.decide(state.situation(), state.share(), observation, streak, now);
            last = verdict.streak();
            return verdict.decision();
        }

        @Override
        public void keepLast() {
            streak = last == null ? streak : last;
        }
    }
}
