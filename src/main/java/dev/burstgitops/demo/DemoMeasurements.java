package dev.burstgitops.demo;

import dev.burstgitops.decision.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The figures the demo measures, from three independent vantage points: Prometheus (when the
 * rate crossed a threshold), the controller (when it pushed a decision commit), and the primary
 * API server (when the commit's weights were there to route by).
 */
final class DemoMeasurements {

    private final double enterAbove;
    private final double exitBelow;
    private final List<Duration> crossingToBurstCommit = new ArrayList<>();
    private final List<Duration> fallToNaturalCommit = new ArrayList<>();
    private final List<Duration> commitToApplied = new ArrayList<>();
    private final List<PendingCommit> unapplied = new ArrayList<>();
    private Mode watching = Mode.NATURAL;
    private Instant crossedAt;

    DemoMeasurements(double enterAbove, double exitBelow) {
        this.enterAbove = enterAbove;
        this.exitBelow = exitBelow;
    }

    /** A threshold crossing seen in Prometheus. */
    record Crossing(boolean upward, double value, Instant at) {
    }

    /** A decision commit whose weights reached the primary API server. */
    record Applied(String commit, Mode mode, Duration latency) {
    }

    private record PendingCommit(String commit, Mode mode, RouteWeights weights, Instant pushedAt) {
    }

    /** The first value past the threshold that would end the current mode, once per mode. */
    synchronized Optional<Crossing> prometheusValue(double value, Instant at) {
        if (crossedAt != null) {
            return Optional.empty();
        }
        boolean upward = watching == Mode.NATURAL && value > enterAbove;
        boolean downward = watching == Mode.BURST && value < exitBelow;
        if (!upward && !downward) {
            return Optional.empty();
        }
        crossedAt = at;
        return Optional.of(new Crossing(upward, value, at));
    }

    /** A decision commit was pushed; returns the time since Prometheus crossed the threshold. */
    synchronized Optional<Duration> commitPushed(String commit, Mode to, RouteWeights weights, Instant at) {
        unapplied.add(new PendingCommit(commit, to, weights, at));
        Optional<Duration> sinceCrossing = Optional.ofNullable(crossedAt).map(crossed -> Duration.between(crossed, at));
        sinceCrossing.ifPresent(latency -> (to == Mode.BURST ? crossingToBurstCommit : fallToNaturalCommit)
                .add(latency));
        watching = to;
        crossedAt = null;
        return sinceCrossing;
    }

    /** New weights were read from the primary API server; returns the commit they applied, if any. */
    synchronized Optional<Applied> weightsSeen(RouteWeights weights, Instant at) {
        // The oldest pending commit with these weights; any older ones were overtaken unapplied.
        for (int i = 0; i < unapplied.size(); i++) {
            PendingCommit pending = unapplied.get(i);
            if (pending.weights().equals(weights)) {
                unapplied.subList(0, i + 1).clear();
                Duration latency = Duration.between(pending.pushedAt(), at);
                commitToApplied.add(latency);
                return Optional.of(new Applied(pending.commit(), pending.mode(), latency));
            }
        }
        return Optional.empty();
    }

    /** From the rate crossing {@code enterAbove} in Prometheus to the burst commit. */
    synchronized LatencyFigures crossingToBurstCommit() {
        return new LatencyFigures(crossingToBurstCommit);
    }

    /** From the rate falling below {@code exitBelow} to the natural commit; includes {@code exitFor}. */
    synchronized LatencyFigures fallToNaturalCommit() {
        return new LatencyFigures(fallToNaturalCommit);
    }

    /** From a decision commit's push to its weights in the primary API server. */
    synchronized LatencyFigures commitToApplied() {
        return new LatencyFigures(commitToApplied);
    }
}
