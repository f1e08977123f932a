package dev.burstgitops.status;

import dev.burstgitops.decision.Mode;
import dev.burstgitops.sync.ApplyReason;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The controller's metrics, recorded by the loops through typed methods so that no caller
 * spells a metric or label name. Owns its {@link PrometheusRegistry}: {@code /metrics} shows
 * exactly these series and the JVM's ({@code jvm_*}, {@code process_*}), nothing a library
 * registered globally. Thread-safe; every method is cheap enough to call on a loop's thread.
 */
public final class ControllerMetrics {

    // Sync passes run from well under a second (nothing changed) to minutes (a large first apply).
    private static final double[] SYNC_PASS_SECONDS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    /**
     * The client's JVM and process metrics, registered once per JVM: {@link JvmMetrics} keeps
     * every registry it registers on (and adds a GC listener for each), so registering on each
     * new {@code ControllerMetrics} (one per config reload, one per test) would pile them up.
     * Each registry below reads them through a collector instead.
     */
    private static final PrometheusRegistry JVM = jvmRegistry();

    private final PrometheusRegistry registry = new PrometheusRegistry();

    {
        registry.register((MultiCollector) JVM::scrape);
    }

    private final Gauge observedValue = gauge("burst_gitops_observed_value",
            "Last value the policy's query returned (NaN when it returned no data).", "policy");
    private final Gauge mode = gauge("burst_gitops_mode",
            "1 for the policy's current mode, 0 for the others.", "policy", "mode");
    private final Counter decisions = counter("burst_gitops_decisions_total",
            "Mode changes decided, by the mode left and the mode entered.", "policy", "from", "to");
    private final Counter commits = counter("burst_gitops_commits_total",
            "Decision commits published (pushed or proposed).", "policy");
    private final Counter pushRetries = counter("burst_gitops_push_retries_total",
            "Pushes rejected by the remote and retried on its new head.", "policy");
    private final Counter pushFailures = counter("burst_gitops_push_failures_total",
            "Decisions that could not be published: every push rejected, or the commit, push or pull"
                    + " request failed.", "policy");
    private final Counter fetchFailures = counter("burst_gitops_fetch_failures_total",
            "Failed refreshes from the Git remote: loop=\"sync\" the sync loop's fetches, loop=\"burst\""
                    + " the burst loop's refresh before it decides.", "loop");
    private final Counter queryFailures = counter("burst_gitops_query_failures_total",
            "Metric queries that failed (unreachable, error, timeout).", "policy");
    private final Gauge burstReady = gauge("burst_gitops_burst_ready",
            "1 when the policy's burstReadiness workload has enough available replicas, else 0"
                    + " (only for policies with a readiness gate).", "policy");
    private final Counter fallbacks = counter("burst_gitops_burst_fallbacks_total",
            "Returns to natural because the burst side stayed unavailable for fallbackAfter.", "policy");
    private final Gauge burstShare = gauge("burst_gitops_burst_share_percent",
            "A spillover policy's burst share in percent (0 is natural).", "policy");
    private final Gauge thresholds = gauge("burst_gitops_policy_threshold",
            "The policy's configured rates in req/s: enterAbove and exitBelow for a band policy,"
                    + " capacity for a spillover policy.", "policy", "threshold");
    private final Gauge leader = gauge("burst_gitops_leader",
            "1 while this replica holds the lease and runs the loops (always, without leader"
                    + " election), 0 on a standby.");
    private final Gauge refusedHead = gauge("burst_gitops_refused_head",
            "1 while the sync loop refuses the branch's head because no key of git.verify's allowed"
                    + " signers signed it (the clusters stay at the revision last applied), else 0.");
    private final Histogram syncPassDuration = Histogram.builder()
            .name("burst_gitops_sync_pass_duration_seconds")
            .help("Wall time of one sync pass of a cluster, render to prune.")
            .labelNames("cluster")
            // The text format cannot carry native histograms; classic buckets are what gets scraped.
            .classicOnly()
            .classicUpperBounds(SYNC_PASS_SECONDS)
            .register(registry);
    private final Counter syncObjects = counter("burst_gitops_sync_objects_total",
            "Objects handled by sync passes, by what was done to them.", "cluster", "action");
    private final Counter driftCorrections = counter("burst_gitops_drift_corrections_total",
            "Objects that had drifted from what this controller last applied (changed or deleted by"
                    + " someone else) and were put back.", "cluster");
    private final Counter applies = counter("burst_gitops_applies_total",
            "Objects written by sync passes, by why: git (new or changed in Git), drift (changed by someone"
                    + " else since the last apply), takeover (adopted, or ownership taken from kubectl).",
            "cluster", "reason");
    private final Counter inventoriesRebuilt = counter("burst_gitops_inventory_rebuilt_total",
            "Passes that found the cluster's inventory (or a part of it) missing and rebuilt it from the"
                    + " objects carrying this installation's labels.", "cluster");
    private final Gauge lastSyncSuccess = gauge("burst_gitops_sync_last_success_timestamp_seconds",
            "Unix time of the cluster's last sync pass that finished without failure.", "cluster");
    private final Counter syncFailures = counter("burst_gitops_sync_failures_total",
            "Sync passes that failed, by why: render (nothing applied), unreachable (the API server did"
                    + " not answer), objects (some objects failed), error (refused as a whole, or stopped).",
            "cluster", "reason");
    private final Gauge clusterReachable = gauge("burst_gitops_cluster_reachable",
            "1 when the cluster's API server answered the last sync pass that tried it, 0 when it could"
                    + " not be reached.", "cluster");

    // An info metric: the text format writes it as burst_gitops_build_info{commit,version} 1, a gauge.
    private final Info buildInfo = Info.builder().name("burst_gitops_build_info")
            .help("The version and Git commit the running jar was built from; always 1.")
            .labelNames("version", "commit")
            .register(registry);

    public PrometheusRegistry registry() {
        return registry;
    }

    /**
     * Creates the policy's counters at zero. Call once at start-up: a series that first appears
     * at 1 hides that first increase from {@code rate()} and {@code increase()}.
     */
    public void declarePolicy(String policy) {
        commits.initLabelValues(policy);
        pushRetries.initLabelValues(policy);
        pushFailures.initLabelValues(policy);
        queryFailures.initLabelValues(policy);
    }

    /** Starts a loop's fetch-failure counter at zero: {@code "sync"} or {@code "burst"}. */
    public void declareFetchLoop(String loop) {
        fetchFailures.initLabelValues(loop);
    }

    /** Same as {@link #declarePolicy} for a cluster's counters. */
    public void declareCluster(String cluster) {
        for (SyncAction action : SyncAction.values()) {
            syncObjects.initLabelValues(cluster, action.label());
        }
        driftCorrections.initLabelValues(cluster);
        for (ApplyReason reason : ApplyReason.values()) {
            applies.initLabelValues(cluster, reason.label());
        }
        for (SyncFailure reason : SyncFailure.values()) {
            syncFailures.initLabelValues(cluster, reason.label());
        }
    }

    /** The rates a band policy decides on, for dashboards to draw next to the observed value. */
    public void bandThresholds(String policy, double enterAbove, double exitBelow) {
        thresholds.labelValues(policy, "enterAbove").set(enterAbove);
        thresholds.labelValues(policy, "exitBelow").set(exitBelow);
    }

    /** The capacity a spillover policy spills over above. */
    public void spilloverCapacity(String policy, double capacity) {
        thresholds.labelValues(policy, "capacity").set(capacity);
    }

    public void leading(boolean leads) {
        leader.set(leads ? 1 : 0);
    }

    public void refusedHead(boolean refused) {
        refusedHead.set(refused ? 1 : 0);
    }

    /** What the running jar was built from; a later call replaces the earlier series. */
    public void buildInfo(String version, String commit) {
        buildInfo.setLabelValues(version, commit);
    }

    public void observed(String policy, double value) {
        observedValue.labelValues(policy).set(value);
    }

    /** Sets every mode's series, so exactly one of them is 1 and a graph shows the switch. */
    public void mode(String policy, Mode current) {
        for (Mode each : Mode.values()) {
            mode.labelValues(policy, each.label()).set(each == current ? 1 : 0);
        }
    }

    public void decided(String policy, Mode from, Mode to) {
        decisions.labelValues(policy, from.label(), to.label()).inc();
    }

    public void committed(String policy) {
        commits.labelValues(policy).inc();
    }

    public void pushRetried(String policy) {
        pushRetried(policy, 1);
    }

    /** Retries of one publish: every attempt after the first, whether it ended published or not. */
    public void pushRetried(String policy, int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retry count must not be negative: " + retries);
        }
        pushRetries.labelValues(policy).inc(retries);
    }

    public void pushFailed(String policy) {
        pushFailures.labelValues(policy).inc();
    }

    public void fetchFailed(String loop) {
        fetchFailures.labelValues(loop).inc();
    }

    public void queryFailed(String policy) {
        queryFailures.labelValues(policy).inc();
    }

    public void burstReady(String policy, boolean ready) {
        burstReady.labelValues(policy).set(ready ? 1 : 0);
    }

    public void fellBack(String policy) {
        fallbacks.labelValues(policy).inc();
    }

    public void share(String policy, int percent) {
        burstShare.labelValues(policy).set(percent);
    }

    public void syncPassTook(String cluster, Duration took) {
        syncPassDuration.labelValues(cluster).observe(took.toNanos() / 1e9);
    }

    public void syncObjects(String cluster, SyncAction action, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("object count must not be negative: " + count);
        }
        syncObjects.labelValues(cluster, action.label()).inc(count);
    }

    public void applied(String cluster, ApplyReason reason, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("apply count must not be negative: " + count);
        }
        applies.labelValues(cluster, reason.label()).inc(count);
    }

    public void driftCorrected(String cluster, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("drift correction count must not be negative: " + count);
        }
        driftCorrections.labelValues(cluster).inc(count);
    }

    public void inventoryRebuilt(String cluster) {
        inventoriesRebuilt.labelValues(cluster).inc();
    }

    public void syncSucceeded(String cluster, Instant at) {
        lastSyncSuccess.labelValues(cluster).set(at.toEpochMilli() / 1e3);
    }

    public void syncFailed(String cluster, SyncFailure reason) {
        syncFailures.labelValues(cluster, reason.label()).inc();
    }

    public void clusterReachable(String cluster, boolean reachable) {
        clusterReachable.labelValues(cluster).set(reachable ? 1 : 0);
    }

    /** Why a sync pass failed; the {@code reason} label of {@code burst_gitops_sync_failures_total}. */
    public enum SyncFailure {
        /** The cluster directory did not render: nothing was applied or pruned. */
        RENDER,
        /** The API server could not be reached. */
        UNREACHABLE,
        /** The pass ran, but some objects failed to apply or prune. */
        OBJECTS,
        /** Refused as a whole (an expired token, a 5xx in discovery), or stopped (lease lost, a bug). */
        ERROR,
        /** Not this installation's cluster, or inventory: stopped before any write until a person confirms. */
        NOT_OURS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static PrometheusRegistry jvmRegistry() {
        PrometheusRegistry jvm = new PrometheusRegistry();
        JvmMetrics.builder().register(jvm);
        return jvm;
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
    }

    private Counter counter(String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).register(registry);
    }
}
