package dev.burstgitops.policy;

import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.decision.BurstRule;
import dev.burstgitops.decision.DurationText;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.decision.ShareMove;
import dev.burstgitops.decision.ShareStreak;
import dev.burstgitops.decision.Situation;
import dev.burstgitops.decision.SpilloverDecider;
import dev.burstgitops.decision.SpilloverRule;
import dev.burstgitops.decision.Streak;
import dev.burstgitops.metrics.MetricQueryException;
import dev.burstgitops.metrics.MetricsHistory;
import dev.burstgitops.metrics.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a policy back its {@code enterFor}/{@code exitFor} progress when the burst loop starts —
 * a restart, or a replica that has just become leader — by replaying the polls it would have
 * made over the longer window from Prometheus' history. Without it a restart forgets a streak
 * and delays a change by up to a whole window. When the history cannot be read the policy starts
 * with no streak, as before: that can delay a change, never cause one.
 */
public final class StreakRestore {

    private static final Logger LOG = LoggerFactory.getLogger(StreakRestore.class);

    private final MetricsHistory history;

    public StreakRestore(MetricsHistory history) {
        this.history = history;
    }

    /** The streak a controller polling band {@code policy} every interval up to {@code now} would hold. */
    Streak at(PolicyConfig policy, Instant now) {
        BurstRule rule = policy.rule();
        return replay(policy, rule.enterFor(), rule.exitFor(), Optional.empty(), now, Streak.none(),
                (streak, sample) -> streak.after(observation(sample), rule, sample.evaluatedAt()),
                streak -> describe(streak, now));
    }

    /**
     * The share streak a controller polling spillover {@code policy} every interval up to {@code now}
     * would hold, the weights holding {@code current} percent since {@code lastChange}. A share
     * streak is measured against the share held, and the controller starts one afresh once the
     * share moves, so only the polls after the last change count.
     */
    ShareStreak shareAt(PolicyConfig policy, int current, Optional<Instant> lastChange, Instant now) {
        SpilloverRule rule = policy.spillover().orElseThrow();
        // Through the decider itself, so each past poll calls for a share exactly as the next live
        // poll will (rate, no data under onMissingData); only its streak is kept, and the streak does
        // not depend on the situation.
        SpilloverDecider decider = new SpilloverDecider(rule);
        Situation situation = Situation.of(ShareMove.modeOf(current));
        return replay(policy, rule.enterFor(), rule.exitFor(), lastChange, now, ShareStreak.none(),
                (streak, sample) -> decider.decide(situation, OptionalInt.of(current), observation(sample), streak,
                        sample.evaluatedAt()).streak(),
                streak -> describe(streak, current, now));
    }

    /**
     * Folds the polls of the longer window before {@code now}, one interval apart and after
     * {@code since}, into a streak; {@code none} when there is no window or no history.
     */
    private <S> S replay(PolicyConfig policy, Duration enterFor, Duration exitFor, Optional<Instant> since,
                         Instant now, S none, BiFunction<S, Sample, S> poll, Function<S, String> describe) {
        Duration window = enterFor.compareTo(exitFor) >= 0 ? enterFor : exitFor;
        if (window.isZero()) {
            return none;
        }
        Duration step = policy.interval();
        Instant first = now.minus(window);
        // The poll at now is the live one the caller is about to make.
        Instant last = now.minus(step);
        if (last.isBefore(first)) {
            return none;
        }
        try {
            S streak = none;
            for (Sample sample : history.range(policy.query(), first, last, step)) {
                if (since.isEmpty() || sample.evaluatedAt().isAfter(since.get())) {
                    streak = poll.apply(streak, sample);
                }
            }
            LOG.info("{}: restored streak from the last {} of history: {}", policy.name(),
                    DurationText.format(window), describe.apply(streak));
            return streak;
        } catch (MetricQueryException e) {
            LOG.warn("{}: cannot restore the streak from history, starting without one: {}", policy.name(),
                    e.getMessage());
            return none;
        }
    }

    private static Observation observation(Sample sample) {
        return sample.hasData() ? Observation.rate(sample.value()) : Observation.noData();
    }

    private static String describe(Streak streak, Instant now) {
        if (streak.aboveSince() != null) {
            return "above the band for " + DurationText.format(streak.aboveFor(now));
        }
        if (streak.belowSince() != null) {
            return "below the band for " + DurationText.format(streak.belowFor(now));
        }
        return "none";
    }

    private static String describe(ShareStreak streak, int current, Instant now) {
        if (streak.upSince() != null) {
            return "above share " + current + "% for " + DurationText.format(streak.upFor(now));
        }
        if (streak.downSince() != null) {
            return "a step or more below share " + current + "% for " + DurationText.format(streak.downFor(now))
                    + ", at most " + streak.ceiling() + "%";
        }
        return "none";
    }
}
