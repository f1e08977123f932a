package dev.burstgitops.demo;

import java.time.Duration;
import java.util.List;

/**
 * The request rate the traffic generator offers over time, and the policy timings sized to it.
 * The rate starts at 0 before the first phase (so a scenario may open with a ramp) and stays at
 * the last phase's end rate after the phases run out.
 */
public record DemoScenario(List<ScenarioPhase> phases, PolicyTimings timings, Duration burstWorkerAvailableAfter) {

    /**
     * How long after the sync loop creates the burst worker the demo's kubelet stand-in reports it
     * available, by default: past the default scenario's burst crossing (~1:15), so the timeline
     * shows the readiness gate holding burst back until then.
     */
    public static final Duration DEFAULT_BURST_WORKER_AVAILABLE_AFTER = Duration.ofSeconds(85);

    public DemoScenario {
        phases = List.copyOf(phases);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one phase");
        }
        if (burstWorkerAvailableAfter.isNegative()) {
            throw new IllegalArgumentException("burstWorker.availableAfter must not be negative");
        }
    }

    public DemoScenario(List<ScenarioPhase> phases, PolicyTimings timings) {
        this(phases, timings, DEFAULT_BURST_WORKER_AVAILABLE_AFTER);
    }

    /** Requests per second {@code elapsed} after the traffic started. */
    public double rateAt(Duration elapsed) {
        double start = 0;
        Duration phaseStart = Duration.ZERO;
        for (ScenarioPhase phase : phases) {
            Duration phaseEnd = phaseStart.plus(phase.length());
            if (elapsed.compareTo(phaseEnd) < 0) {
                return phase.rateAt(start, elapsed.minus(phaseStart));
            }
            start = phase.rateAt(start, phase.length());
            phaseStart = phaseEnd;
        }
        return start;
    }

    /** How long the phases take together. */
    public Duration length() {
        return phases.stream().map(ScenarioPhase::length).reduce(Duration.ZERO, Duration::plus);
    }
}
