package dev.burstgitops.status;

import java.util.List;

/**
 * The answer of {@code /healthz}. With no loop registered yet the process is healthy: the
 * server starts before the loops, and a slow start is for {@code /readyz} to show.
 */
public record HealthReport(List<LoopStatus> loops) {

    public HealthReport {
        loops = List.copyOf(loops);
    }

    public boolean healthy() {
        return loops.stream().allMatch(LoopStatus::healthy);
    }

    public List<String> stalledLoops() {
        return loops.stream().filter(LoopStatus::stalled).map(LoopStatus::name).toList();
    }

    /** Loops that turn but have failed past their bound. */
    public List<String> failingLoops() {
        return loops.stream().filter(loop -> loop.failing() != null).map(LoopStatus::name).toList();
    }
}
