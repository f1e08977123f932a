package dev.burstgitops.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.burstgitops.decision.BurstReadiness;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.decision.ShareMove;
import dev.burstgitops.sync.SyncReport;
import dev.burstgitops.sync.WorkloadHealth;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the controller last did, per policy and per cluster, for {@code /status}. Written by
 * the loops' listeners, read as an immutable snapshot.
 */
public final class ControllerStatus {

    private final Clock clock;
    private final Map<String, PolicyView> policies = new ConcurrentHashMap<>();
    private final Map<String, ClusterView> clusters = new ConcurrentHashMap<>();
    private volatile FetchStatus git = FetchStatus.none();

    public ControllerStatus(Clock clock) {
        this.clock = clock;
    }

    public void recordPass(PassResult result) {
        Decision decision = result.decision();
        PolicyView previous = policies.get(result.policy());
        Optional<String> lastCommit = result.commit().or(() -> previous == null ? Optional.empty()
                : previous.lastCommit());
        policies.put(result.policy(), new PolicyView(decision.to().label(), value(decision.observed()),
                decision.observed().describe(), decision instanceof Decision.Change ? "change" : "stay",
                decision.reason(), result.override(), lastCommit, clock.instant(), queryError(decision),
                decision.share().map(ShareMove::to).orElse(null),
                result.readiness().map(BurstSideView::of).orElse(null)));
    }

    public void recordPassFailure(String policy, Exception cause) {
        PolicyView previous = policies.get(policy);
        policies.put(policy, previous == null
                ? new PolicyView("unknown", null, "not observed yet", "none", "", Optional.empty(), Optional.empty(),
                clock.instant(), Optional.of(cause.getMessage()), null, null)
                : previous.failed(cause.getMessage(), clock.instant()));
    }

    public void recordClusterPass(ClusterPassResult result) {
        ClusterView view;
        if (result instanceof ClusterPassResult.Synced synced) {
            SyncReport report = synced.report();
            view = new ClusterView(result.revision(), clock.instant(), report.created(), report.configured(),
                    report.unchanged(), report.pruned(), report.failed(), report.driftDetected(),
                    health(report.health()), result.failed() ? Optional.of(result.summary()) : Optional.empty());
        } else {
            ClusterView previous = clusters.get(result.cluster());
            view = (previous == null ? ClusterView.never() : previous).failed(result.summary(), clock.instant());
        }
        clusters.put(result.cluster(), view);
    }

    /** The sync loop's fetches after its latest attempt, whether it worked or failed. */
    public void recordFetch(FetchStatus status) {
        git = status;
    }

    public Snapshot snapshot() {
        return new Snapshot(clock.instant(), new TreeMap<>(policies), new TreeMap<>(clusters), git);
    }

    /** A failed query is the policy's error while it lasts: the pass ran, but it could not decide. */
    private static Optional<String> queryError(Decision decision) {
        return decision.observed() instanceof Observation.QueryFailed failed ? Optional.of(failed.message())
                : Optional.empty();
    }

    private static Double value(Observation observation) {
        return observation instanceof Observation.Rate rate ? rate.perSecond() : null;
    }

    private static Map<String, String> health(List<WorkloadHealth> workloads) {
        Map<String, String> health = new TreeMap<>();
        workloads.forEach(w -> health.put(w.key().toString(), w.status().name().toLowerCase() + ": " + w.reason()));
        return health;
    }

    /**
     * The JSON document of {@code /status}.
     *
     * @param git the sync loop's fetches: the last that worked, and the failures in a row since
     */
    public record Snapshot(Instant time, Map<String, PolicyView> policies, Map<String, ClusterView> clusters,
                           FetchStatus git) {
    }

    /**
     * One policy's last pass.
     *
     * @param share a spillover policy's burst share in percent after the pass; left out of the
     *              JSON for band policies (and while a spillover policy's weights are not a split)
     * @param burstSide what the readiness gate last read; left out for policies without one
     */
    public record PolicyView(String mode, Double lastValue, String observed, String lastDecision, String reason,
                             Optional<String> override, Optional<String> lastCommit, Instant time,
                             Optional<String> lastError, @JsonInclude(JsonInclude.Include.NON_NULL) Integer share,
                             @JsonInclude(JsonInclude.Include.NON_NULL) BurstSideView burstSide) {
        PolicyView failed(String error, Instant at) {
            return new PolicyView(mode, lastValue, observed, lastDecision, reason, override, lastCommit, at,
                    Optional.of(error), share, burstSide);
        }
    }

    /**
     * The readiness gate's last reading: {@code {"ready": false, "detail": "Deployment default/worker
     * in cluster burst has 0 of 1 replicas available", "notReadySince": "..."}}.
     */
    public record BurstSideView(boolean ready, String detail,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Instant notReadySince) {
        static BurstSideView of(BurstReadiness readiness) {
            return readiness instanceof BurstReadiness.NotReady notReady
                    ? new BurstSideView(false, notReady.detail(), notReady.since())
                    : new BurstSideView(true, readiness.detail(), null);
        }
    }

    /** One cluster's last sync pass. */
    public record ClusterView(String lastSyncedCommit, Instant time, long created, long configured, long unchanged,
                              long pruned, long failed, boolean drift, Map<String, String> health,
                              Optional<String> lastError) {
        static ClusterView never() {
            return new ClusterView(null, null, 0, 0, 0, 0, 0, false, Map.of(), Optional.empty());
        }

        ClusterView failed(String error, Instant at) {
            return new ClusterView(lastSyncedCommit, at, created, configured, unchanged, pruned, failed, drift, health,
                    Optional.of(error));
        }
    }
}
