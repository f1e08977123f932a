package dev.burstgitops.policy;

import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.decision.Backtest;
import dev.burstgitops.decision.BacktestRule;
import dev.burstgitops.decision.HysteresisDecider;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.decision.SpilloverDecider;
import dev.burstgitops.metrics.MetricQueryException;
import dev.burstgitops.metrics.MetricsHistory;
import dev.burstgitops.metrics.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * {@code simulate}: how a policy would have behaved over a past range. The policy's query is read
 * from Prometheus at {@code step} in chunks — well under Prometheus' 11,000 points per series, and
 * so that a replay over months holds one chunk in memory — and each value goes through the
 * decision code a running controller uses ({@link Backtest}), starting natural (share 0 for a
 * spillover policy), as if every change had been committed when decided. Overrides are not
 * replayed: they are people's decisions. The readiness gate is taken as ready: the history says
 * nothing about the burst workload.
 */
public final class Simulation {

    static final int CHUNK_STEPS = 1_000;

    private Simulation() {
    }

    /** Replays {@code policy} from {@code from} to {@code to}; each change goes to {@code onChange} as it is found. */
    public static Backtest.Summary run(MetricsHistory history, PolicyConfig policy, Instant from, Instant to,
                                       Duration step, Consumer<Backtest.Change> onChange) throws MetricQueryException {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("--step must be positive");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("--to must be after --from");
        }
        Backtest replay = new Backtest(rule(policy), from);
        for (Instant chunk = from; !chunk.isAfter(to); ) {
            Instant last = earlier(to, chunk.plus(step.multipliedBy(CHUNK_STEPS - 1)));
            for (Sample sample : history.range(policy.query(), chunk, last, step)) {
                Observation observation = sample.hasData() ? Observation.rate(sample.value()) : Observation.noData();
                replay.observe(observation, sample.evaluatedAt()).ifPresent(onChange);
            }
            chunk = last.plus(step);
        }
        return replay.summary(to);
    }

    /** The policy's rule, starting where a repository with no decision yet is: natural, share 0. */
    private static BacktestRule rule(PolicyConfig policy) {
        return policy.spills() ? BacktestRule.spillover(new SpilloverDecider(policy.spillover().get()), 0)
                : BacktestRule.band(new HysteresisDecider(policy.rule()), Mode.NATURAL);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
