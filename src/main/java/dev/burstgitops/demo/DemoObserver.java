package dev.burstgitops.demo;

import dev.burstgitops.gitops.Revisions;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.decision.ReadinessGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns what the controller, Prometheus and the primary API server report into the demo's
 * timeline events, measuring as it goes. Called from the loops' threads; it only records and
 * hands events on, never blocks them.
 */
final class DemoObserver {

    private static final String NOT_READY = ReadinessGate.HELD_BACK;

    private final Instant start;
    private final Clock clock;
    private final Consumer<DemoEvent> sink;
    private final DemoMeasurements measurements;
    private final TrafficGenerator traffic;
    private final Function<Mode, RouteWeights> weightsOf;
    private final Map<String, String> lastSyncedRevision = new ConcurrentHashMap<>();
    private volatile String observed = "no data yet";
    private volatile Double observedValue;
    private volatile String mode = "natural";
    private volatile String lastFailure = "";
    private volatile String gate = "";
    private volatile Instant gateClosedAt;

    DemoObserver(Instant start, Clock clock, Consumer<DemoEvent> sink, DemoMeasurements measurements,
                 TrafficGenerator traffic, Function<Mode, RouteWeights> weightsOf) {
        this.start = start;
        this.clock = clock;
        this.sink = sink;
        this.measurements = measurements;
        this.traffic = traffic;
        this.weightsOf = weightsOf;
    }

    void pass(PassResult result) {
        Decision decision = result.decision();
        if (decision.observed() instanceof Observation.Rate rate) {
            observedValue = rate.perSecond();
        }
        observed = decision.observed().describe();
        mode = decision.to().label();
        Instant now = clock.instant();
        readinessGate(decision, now);
        if (result.commit().isEmpty()) {
            return;
        }
        String commit = shortId(result.commit().get());
        var sinceCrossing = measurements.commitPushed(commit, decision.to(), weightsOf.apply(decision.to()), now);
        String why = sinceCrossing.map(latency -> ", " + LatencyFigures.millis(latency) + " after Prometheus crossed "
                + (decision.to() == Mode.BURST ? "15" : "10") + " req/s").orElse("");
        if (decision.to() == Mode.BURST && gateClosedAt != null) {
            why += ", " + LatencyFigures.millis(Duration.between(gateClosedAt, now)) + " of it held by the readiness gate";
            gateClosedAt = null;
        }
        emit(now, "commit", String.format("observed %-12s mode %-8s commit %s  %s -> %s (%s)%s", observed, mode, commit,
                decision.from().label(), decision.to().label(), ruleOf(decision), why),
                fields("commit", commit, "from", decision.from().label(), "to", decision.to().label(),
                        "observed", observedValue == null ? null : round(observedValue),
                        "sinceCrossingMs", sinceCrossing.map(Duration::toMillis).orElse(null)));
    }

    /**
     * Says when the readiness gate starts holding burst back ("burst not ready: ...") and when it
     * stops, once each rather than every pass.
     */
    private void readinessGate(Decision decision, Instant now) {
        // The reason goes on with the observed rate, which changes every pass; what was read does not.
        String detail = decision.reason().startsWith(NOT_READY)
                ? decision.reason().substring(NOT_READY.length()).split(";", 2)[0] : "";
        if (detail.equals(gate)) {
            return;
        }
        gate = detail;
        if (!detail.isEmpty()) {
            gateClosedAt = gateClosedAt == null ? now : gateClosedAt;
            emit(now, "gate", NOT_READY + detail + ", holding " + decision.to().label(),
                    fields("ready", false, "detail", detail));
        }
    }

    /** What the demo's kubelet stand-in did, in its own words. */
    void standIn(String text) {
        emit(clock.instant(), "kubelet", text, fields());
    }

    void passFailed(String policy, Exception cause) {
        String message = policy + ": " + cause.getMessage();
        if (!message.equals(lastFailure)) { // once per distinct problem, not once a second
            lastFailure = message;
            emit(clock.instant(), "failure", "burst loop pass failed, retrying: " + message,
                    fields("policy", policy, "message", cause.getMessage()));
        }
    }

    void clusterPass(ClusterPassResult result) {
        String previous = lastSyncedRevision.put(result.cluster(), result.revision());
        if (result.failed() || !Objects.equals(previous, result.revision())) {
            emit(clock.instant(), result.failed() ? "failure" : "sync", result.summary(),
                    fields("cluster", result.cluster(), "revision", shortId(result.revision()),
                            "failed", result.failed()));
        }
    }

    void weightsSeen(RouteWeights weights, Instant at) {
        var applied = measurements.weightsSeen(weights, at);
        String text = "weights " + weights + " now in primary's API server" + applied
                .map(a -> "  applied to primary in " + LatencyFigures.millis(a.latency())
                        + " (commit " + a.commit() + ")")
                .orElse("  (VirtualService created by the first sync)");
        emit(at, "applied", text, fields("primaryWeight", weights.primary(), "burstWeight", weights.burst(),
                "commit", applied.map(DemoMeasurements.Applied::commit).orElse(null),
                "appliedMs", applied.map(a -> a.latency().toMillis()).orElse(null)));
    }

    void prometheusValue(OptionalDouble value, Instant at) {
        if (value.isEmpty()) {
            return;
        }
        measurements.prometheusValue(value.getAsDouble(), at).ifPresent(crossing -> emit(at, "crossing",
                String.format("Prometheus says %.1f req/s: %s", crossing.value(), crossing.upward()
                        ? "above 15 req/s (enter burst)" : "below 10 req/s (back to natural after exitFor)"),
                fields("prometheus", round(crossing.value()), "direction", crossing.upward() ? "up" : "down")));
    }

    /** The line every five seconds: what the controller saw, its mode, and where requests went. */
    void status() {
        Instant now = clock.instant();
        OptionalDouble share = traffic.ledger().burstShare(now);
        Map<String, Long> results = traffic.ledger().resultsByPrefix();
        long bursty = results.getOrDefault("bursty-", 0L);
        long plain = results.getOrDefault("", 0L);
        String shareText = share.isPresent() ? Math.round(share.getAsDouble() * 100) + "%" : "-";
        emit(now, "status", String.format("observed %-12s mode %-8s burst share %4s   offered %.1f req/s, results %d"
                        + " plain + %d bursty-%s", observed, mode, shareText, traffic.offeredRate(), plain, bursty,
                        gate.isEmpty() ? "" : "   (burst not ready)"),
                fields("observed", observedValue == null ? null : round(observedValue), "mode", mode,
                        "burstShare", share.isPresent() ? round(share.getAsDouble()) : null,
                        "offered", round(traffic.offeredRate()),
                        "plainResults", plain, "burstyResults", bursty));
    }

    private void emit(Instant at, String type, String text, Map<String, Object> fields) {
        sink.accept(new DemoEvent(Duration.between(start, at), type, text, fields));
    }

    private static String ruleOf(Decision decision) {
        return decision instanceof Decision.Change change ? change.rule() : decision.reason();
    }

    private static String shortId(String id) {
        return id == null ? "-" : Revisions.shortId(id);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Name-value pairs in order; null values are left out of the JSON. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }
}
