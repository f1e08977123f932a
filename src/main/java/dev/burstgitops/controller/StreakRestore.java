package dev.burstgitops.controller;

import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.decision.BurstRule;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.decision.Streak;
import dev.burstgitops.metrics.MetricQueryException;
import dev.burstgitops.metrics.MetricsHistory;
import dev.burstgitops.metrics.Sample;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a policy back its {@code enterFor}/{@code exitFor} progress when the burst loop starts —
 * a restart, or a replica that has just become leader — by replaying the polls it would have
 * made over the longer window from Prometheus' history. Without it a restart forgets a streak
 * and delays a change by up to a whole window. When the history cannot be read the policy starts
 * with no streak, as before: that can delay a change, never cause one.
 */
final class StreakRestore {

    private static final Logger LOG = LoggerFactory.getLogger(StreakRestore.class);

    private final MetricsHistory history;

    StreakRestore(MetricsHistory history) {
        this.history = history;
    }

    /** The streak a controller polling {@code policy} every interval up to {@code now} would hold. */
    Streak at(PolicyConfig policy, Instant now) {
        BurstRule rule = policy.rule();
        Duration window = rule.enterFor().compareTo(rule.exitFor()) >= 0 ? rule.enterFor() : rule.exitFor();
        if (window.isZero()) {
            return Streak.none();
        }
        Duration step = policy.interval();
        Instant first = now.minus(window);
        Instant last = now.minus(step);
        if (last.isBefore(first)) {
            return Streak.none();
        }
        try {
            Streak streak = Streak.none();
            for (Sample sample : history.range(policy.query(), first, last, step)) {
                Observation observation = sample.hasData() ? Observation.rate(sample.value()) : Observation.noData();
                streak = streak.after(observation, rule, sample.evaluatedAt());
            }
            LOG.info("{}: restored streak from the last {} of history: {}", policy.name(),
                    dev.burstgitops.decision.DurationText.format(window), describe(streak, now));
            return streak;
        } catch (MetricQueryException e) {
            LOG.warn("{}: cannot restore the streak from history, starting without one: {}", policy.name(),
                    e.getMessage());
            return Streak.none();
        }
    }

    private static String describe(Streak streak, Instant now) {
        if (streak.aboveSince() != null) {
            return "above the band for " + dev.burstgitops.decision.DurationText.format(streak.aboveFor(now));
        }
        if (streak.belowSince() != null) {
            return "below the band for " + dev.burstgitops.decision.DurationText.format(streak.belowFor(now));
        }
        return "none";
    }
}
