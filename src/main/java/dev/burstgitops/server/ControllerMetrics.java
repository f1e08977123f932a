package dev.burstgitops.server;

import dev.burstgitops.decision.Mode;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;

/**
 * The controller's metrics, recorded by the loops through typed methods so that no caller
 * spells a metric or label name. Owns its {@link PrometheusRegistry}: {@code /metrics} shows
 * exactly these series and nothing a library registered globally. Thread-safe; every method is
 * cheap enough to call on a loop's thread.
 *
 * <p>JVM metrics are not exported: the 1.4.3 client ships them in a separate artifact
 * ({@code prometheus-metrics-instrumentation-jvm}) that this build does not include.
 */
public final class ControllerMetrics {

    // Sync passes run from well under a second (nothing changed) to minutes (a large first apply).
    private static final double[] SYNC_PASS_SECONDS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    private final PrometheusRegistry registry = new PrometheusRegistry();

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
            "Decisions that could not be published after every retry.", "policy");
    private final Counter queryFailures = counter("burst_gitops_query_failures_total",
            "Metric queries that failed (unreachable, error, timeout).", "policy");
    private final Gauge burstReady = gauge("burst_gitops_burst_ready",
            "1 when the policy's burstReadiness workload has enough available replicas, else 0"
                    + " (only for policies with a readiness gate).", "policy");
    private final Counter fallbacks = counter("burst_gitops_burst_fallbacks_total",
            "Returns to natural because the burst side stayed unavailable for fallbackAfter.", "policy");
    private final Gauge burstShare = gauge("burst_gitops_burst_share_percent",
            "A spillover policy's burst share in percent (0 is natural).", "policy");
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
            "Objects that had drifted from Git and were put back.", "cluster");
    private final Gauge lastSyncSuccess = gauge("burst_gitops_sync_last_success_timestamp_seconds",
            "Unix time of the cluster's last sync pass that finished without failure.", "cluster");

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

    /** Same as {@link #declarePolicy} for a cluster's counters. */
    public void declareCluster(String cluster) {
        for (SyncAction action : SyncAction.values()) {
            syncObjects.initLabelValues(cluster, action.label());
        }
        driftCorrections.initLabelValues(cluster);
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
        pushRetries.labelValues(policy).inc();
    }

    public void pushFailed(String policy) {
        pushFailures.labelValues(policy).inc();
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

    public void driftCorrected(String cluster, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("drift correction count must not be negative: " + count);
        }
        driftCorrections.labelValues(cluster).inc(count);
    }

    public void syncSucceeded(String cluster, Instant at) {
        lastSyncSuccess.labelValues(cluster).set(at.toEpochMilli() / 1e3);
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
    }

    private Counter counter(String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).register(registry);
    }
}
