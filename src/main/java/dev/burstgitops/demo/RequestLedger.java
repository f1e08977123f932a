package dev.burstgitops.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What the simulated requests did: the per-cluster request counters Prometheus scrapes, the
 * results counted by prefix ({@code bursty-} or none), and the last seconds' split for the
 * burst share the timeline prints.
 */
public final class RequestLedger {

    private static final Duration SHARE_WINDOW = Duration.ofSeconds(5);

    private long toPrimary;
    private long toBurst;
    private final Map<String, Long> resultsByPrefix = new TreeMap<>();
    private final Deque<Instant> recentPrimary = new ArrayDeque<>();
    private final Deque<Instant> recentBurst = new ArrayDeque<>();

    synchronized void record(SimulatedWorker worker, String result, Instant at) {
        if (worker == SimulatedWorker.BURST) {
            toBurst++;
            recentBurst.addLast(at);
        } else {
            toPrimary++;
            recentPrimary.addLast(at);
        }
        String prefix = result.startsWith(SimulatedWorker.BURST.prefix()) ? SimulatedWorker.BURST.prefix() : "";
        resultsByPrefix.merge(prefix, 1L, Long::sum);
    }

    /** Requests served per cluster since the start: the {@code istio_requests_total} counters. */
    public synchronized Map<String, Long> requestsByCluster() {
        return Map.of(SimulatedWorker.PRIMARY.cluster(), toPrimary, SimulatedWorker.BURST.cluster(), toBurst);
    }

    /** Results by prefix: {@code "bursty-"} for the burst worker's, {@code ""} for primary's. */
    public synchronized Map<String, Long> resultsByPrefix() {
        return new TreeMap<>(resultsByPrefix);
    }

    /** The share of the last five seconds' requests the burst cluster served, 0 to 1; empty with no requests. */
    public synchronized OptionalDouble burstShare(Instant now) {
        Instant since = now.minus(SHARE_WINDOW);
        dropBefore(recentPrimary, since);
        dropBefore(recentBurst, since);
        int total = recentPrimary.size() + recentBurst.size();
        return total == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) recentBurst.size() / total);
    }

    private static void dropBefore(Deque<Instant> times, Instant since) {
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.removeFirst();
        }
    }
}
