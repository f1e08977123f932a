package dev.burstgitops.status;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.PublishFailedException;
import dev.burstgitops.gitops.UnverifiedHeadException;
import dev.burstgitops.status.ControllerMetrics.SyncFailure;
import dev.burstgitops.sync.ApplyReason;
import dev.burstgitops.sync.ClusterUnreachableException;
import dev.burstgitops.sync.SyncReport;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the loops' outcomes to what operators watch: Prometheus metrics, liveness (a loop
 * that stops turning fails {@code /healthz}) and readiness (config loaded, first fetch, first
 * pass of each loop).
 */
public final class Observability {

    static final String CONFIG_LOADED = "config loaded";
    static final String FIRST_FETCH = "first fetch";
    static final String FIRST_BURST_PASS = "first burst pass";
    static final String FIRST_SYNC_PASS = "first sync pass";
    static final String FETCH_LOOP = "sync/fetch";
    /** The {@code loop} label of {@code burst_gitops_fetch_failures_total}. */
    static final String SYNC_FETCHES = "sync";
    static final String BURST_FETCHES = "burst";
    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);
    /** A failing pass backs off up to a minute; liveness must allow for that. */
    private static final Duration LEAST_LIMIT = Duration.ofMinutes(2);

    private final ControllerMetrics metrics = new ControllerMetrics();
    private final LoopHealth health;
    private final Readiness readiness = new Readiness(CONFIG_LOADED);
    private BurstGitopsConfig config;

    public Observability(Clock clock) {
        this.health = new LoopHealth(clock);
        // Loaded before this object exists; a standby replica is ready too, so that a rolling
        // update can replace the leader (the loops' conditions are added when it leads).
        readiness.done(CONFIG_LOADED);
        // A standby until attach: a replica that never leads says so, for the "no leader" alert.
        metrics.leading(false);
    }

    public ControllerMetrics metrics() {
        return metrics;
    }

    public LoopHealth health() {
        return health;
    }

    public Readiness readiness() {
        return readiness;
    }

    /**
     * Registers every loop of {@code config}; call before the loops start, once this replica leads
     * (or at once without leader election): from here on it runs the loops and reports them here.
     */
    public void declare(BurstGitopsConfig config) {
        this.config = config;
        metrics.leading(true);
        metrics.declareFetchLoop(SYNC_FETCHES);
        metrics.refusedHead(false);
        if (!config.policies().isEmpty()) {
            metrics.declareFetchLoop(BURST_FETCHES);
        }
        for (PolicyConfig policy : config.policies()) {
            metrics.declarePolicy(policy.name());
            if (policy.spills()) {
                metrics.spilloverCapacity(policy.name(), policy.spillover().orElseThrow().capacity());
            } else {
                metrics.bandThresholds(policy.name(), policy.rule().enterAbove(), policy.rule().exitBelow());
            }
            health.register(burstLoop(policy.name()), limit(policy.interval()));
            readiness.require(FIRST_BURST_PASS);
        }
        health.register(FETCH_LOOP, limit(config.git().pollInterval()));
        readiness.require(FIRST_FETCH);
        for (ClusterConfig cluster : config.clusters()) {
            metrics.declareCluster(cluster.name());
            health.register(syncLoop(cluster.name()), limit(config.sync().interval()));
            readiness.require(FIRST_SYNC_PASS);
        }
    }

    /**
     * The sync loop's poll reached the remote: its head was fetched, or {@code refused}
     * ({@code git.verify}). While a head is refused the clusters are deliberately left alone, so
     * their loops count as turning and the replica as ready: after a restart on a refused head no
     * cluster pass may run at all, and a pod that fails {@code /healthz} or never becomes ready
     * (so no webhook reaches it) would only be restarted into the same refusal.
     */
    public void recordPoll(boolean refused) {
        health.progressed(FETCH_LOOP);
        readiness.done(FIRST_FETCH);
        if (refused) {
            config.clusters().forEach(cluster -> health.progressed(syncLoop(cluster.name())));
            readiness.done(FIRST_SYNC_PASS);
        }
    }

    /** The sync loop started or stopped refusing the branch's head. */
    public void recordRefusedHead(boolean refused) {
        metrics.refusedHead(refused);
    }

    /** The sync loop's fetch failed; {@code fetches} is its record after this failure. */
    public void recordFetchFailure(FetchStatus fetches) {
        metrics.fetchFailed(SYNC_FETCHES);
        recordFetchFailure(fetches, config.sync().maxFetchFailures());
        // The cluster loops turn meanwhile, correcting drift to the last revision fetched.
        config.clusters().forEach(cluster -> health.progressed(syncLoop(cluster.name())));
    }

    /**
     * A short Git outage is no reason to restart the pod, so a failed fetch is progress; but past
     * {@code sync.maxFetchFailures} in a row the fetch loop fails {@code /healthz}, because what a
     * restart clears (a wedged connection, a stale credential mounted anew) may be the cause.
     */
    private void recordFetchFailure(FetchStatus fetches, int bound) {
        if (fetches.consecutiveFailures() < bound) {
            health.progressed(FETCH_LOOP);
            return;
        }
        if (fetches.consecutiveFailures() == bound) {
            LOG.error("fetch has failed {} times in a row since {} (sync.maxFetchFailures); /healthz fails until"
                    + " a fetch works: {}", bound, fetches.failingSince().orElseThrow(), fetches.lastError().orElse(""));
        }
        health.failing(FETCH_LOOP, fetches.consecutiveFailures() + " fetches failed in a row since "
                + fetches.failingSince().orElseThrow() + " (sync.maxFetchFailures: " + bound + "): "
                + fetches.lastError().orElse(""));
    }

    public void recordPass(PassResult result) {
        String policy = result.policy();
        Decision decision = result.decision();
        // No data or a failed query is NaN, not the last good value: a dashboard must not show a
        // rate nobody measured.
        metrics.observed(policy, decision.observed() instanceof Observation.Rate rate ? rate.perSecond() : Double.NaN);
        if (result.queryFailed()) {
            metrics.queryFailed(policy);
        }
        metrics.mode(policy, decision.to());
        if (decision instanceof Decision.Change change) {
            metrics.decided(policy, change.from(), change.to());
            if (change.fallback().isPresent()) {
                metrics.fellBack(policy);
            }
        }
        decision.share().ifPresent(share -> metrics.share(policy, share.to()));
        result.readiness().ifPresent(readiness -> metrics.burstReady(policy,
                readiness instanceof dev.burstgitops.decision.BurstReadiness.Ready));
        result.commit().ifPresent(commit -> metrics.committed(policy));
        metrics.pushRetried(policy, Math.max(0, result.attempts() - 1));
        health.progressed(burstLoop(policy));
        readiness.done(FIRST_BURST_PASS);
    }

    /**
     * A publish that failed counts as a push failure, with its retries (a push that gave up after
     * 5 attempts made 4); any other Git failure came before the decision, from the refresh.
     */
    public void recordPassFailure(String policy, Exception cause) {
        if (cause instanceof PublishFailedException failed) {
            metrics.pushFailed(policy);
            metrics.pushRetried(policy, Math.max(0, failed.attempts() - 1));
        } else if (cause instanceof UnverifiedHeadException) {
            // The fetch worked; the sync loop reports the refused head (burst_gitops_refused_head).
            LOG.debug("{}: not deciding on a head no allowed key signed", policy);
        } else if (cause instanceof GitException) {
            metrics.fetchFailed(BURST_FETCHES);
        }
        health.progressed(burstLoop(policy));
    }

    public void recordClusterPass(ClusterPassResult result) {
        String cluster = result.cluster();
        if (result instanceof ClusterPassResult.Synced synced) {
            SyncReport report = synced.report();
            metrics.syncPassTook(cluster, report.duration());
            metrics.syncObjects(cluster, SyncAction.APPLIED, (int) (report.created() + report.configured()));
            metrics.syncObjects(cluster, SyncAction.UNCHANGED, (int) report.unchanged());
            metrics.syncObjects(cluster, SyncAction.PRUNED, (int) report.pruned());
            metrics.syncObjects(cluster, SyncAction.FAILED, (int) report.failed());
            if (report.mode().writes()) {
                for (ApplyReason reason : ApplyReason.values()) {
                    metrics.applied(cluster, reason, report.applied(reason));
                }
                metrics.driftCorrected(cluster, (int) report.applied(ApplyReason.DRIFT));
            }
            if (!result.failed()) {
                metrics.syncSucceeded(cluster, java.time.Instant.now());
            } else {
                metrics.syncFailed(cluster, SyncFailure.OBJECTS);
            }
            // A report means the API server answered the pass.
            metrics.clusterReachable(cluster, true);
        } else if (result instanceof ClusterPassResult.RenderFailed) {
            // Nothing was sent to the cluster, so nothing is known about its reachability.
            metrics.syncFailed(cluster, SyncFailure.RENDER);
        } else if (result instanceof ClusterPassResult.Failed failed) {
            boolean unreachable = isUnreachable(failed);
            metrics.syncFailed(cluster, unreachable ? SyncFailure.UNREACHABLE : SyncFailure.ERROR);
            if (unreachable) {
                metrics.clusterReachable(cluster, false);
            } else if (failed.message().startsWith("HTTP ")) {
                // Refused as a whole with a status code: the API server answered.
                metrics.clusterReachable(cluster, true);
            }
        }
        health.progressed(syncLoop(cluster));
        readiness.done(FIRST_SYNC_PASS);
    }

    /**
     * ClusterSync turns a {@link ClusterUnreachableException} into a failed pass carrying its
     * message; the message's own prefix, built by the exception itself, is how that reads.
     */
    static boolean isUnreachable(ClusterPassResult.Failed failed) {
        String prefix = new ClusterUnreachableException(failed.cluster(), "", null).getMessage();
        return failed.message().startsWith(prefix);
    }

    private static Duration limit(Duration interval) {
        Duration limit = LoopHealth.limitFor(interval);
        return limit.compareTo(LEAST_LIMIT) < 0 ? LEAST_LIMIT : limit;
    }

    private static String burstLoop(String policy) {
        return "burst/" + policy;
    }

    private static String syncLoop(String cluster) {
        return "sync/" + cluster;
    }
}
