package dev.burstgitops.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.decision.Mode;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the loops record, as the scraped text shows it. */
class ControllerMetricsTest {

    private final ControllerMetrics metrics = new ControllerMetrics();

    @Test
    void theModeGaugeIsOneForTheCurrentModeAndZeroForTheOthers() throws IOException {
        metrics.mode("worker", Mode.NATURAL);
        metrics.mode("worker", Mode.BURST);

        assertThat(samples()).contains(
                "burst_gitops_mode{mode=\"burst\",policy=\"worker\"} 1.0",
                "burst_gitops_mode{mode=\"natural\",policy=\"worker\"} 0.0",
                "burst_gitops_mode{mode=\"unknown\",policy=\"worker\"} 0.0");
    }

    @Test
    void theReadinessGateShowsAsAGaugeAFallbackCounterAndTheShareInPercent() throws IOException {
        metrics.burstReady("worker", true);
        metrics.burstReady("worker", false);
        metrics.fellBack("worker");
        metrics.share("worker", 40);

        assertThat(samples()).contains(
                "burst_gitops_burst_ready{policy=\"worker\"} 0.0",
                "burst_gitops_burst_fallbacks_total{policy=\"worker\"} 1.0",
                "burst_gitops_burst_share_percent{policy=\"worker\"} 40.0");
    }

    @Test
    void decisionsCountPerPolicyAndTransition() throws IOException {
        metrics.decided("worker", Mode.NATURAL, Mode.BURST);
        metrics.decided("worker", Mode.BURST, Mode.NATURAL);
        metrics.decided("worker", Mode.NATURAL, Mode.BURST);

        assertThat(samples()).contains(
                "burst_gitops_decisions_total{from=\"natural\",policy=\"worker\",to=\"burst\"} 2.0",
                "burst_gitops_decisions_total{from=\"burst\",policy=\"worker\",to=\"natural\"} 1.0");
    }

    @Test
    void aDeclaredPolicyAndClusterStartEveryCounterAtZero() throws IOException {
        metrics.declarePolicy("worker");
        metrics.declareCluster("burst");

        assertThat(samples()).contains(
                "burst_gitops_commits_total{policy=\"worker\"} 0.0",
                "burst_gitops_push_retries_total{policy=\"worker\"} 0.0",
                "burst_gitops_push_failures_total{policy=\"worker\"} 0.0",
                "burst_gitops_query_failures_total{policy=\"worker\"} 0.0",
                "burst_gitops_sync_objects_total{action=\"applied\",cluster=\"burst\"} 0.0",
                "burst_gitops_sync_objects_total{action=\"pruned\",cluster=\"burst\"} 0.0",
                "burst_gitops_sync_objects_total{action=\"failed\",cluster=\"burst\"} 0.0",
                "burst_gitops_sync_objects_total{action=\"unchanged\",cluster=\"burst\"} 0.0",
                "burst_gitops_drift_corrections_total{cluster=\"burst\"} 0.0",
                "burst_gitops_applies_total{cluster=\"burst\",reason=\"git\"} 0.0",
                "burst_gitops_applies_total{cluster=\"burst\",reason=\"drift\"} 0.0",
                "burst_gitops_applies_total{cluster=\"burst\",reason=\"takeover\"} 0.0");
    }

    @Test
    void aSyncPassRecordsItsDurationInSecondsItsObjectsAndItsSuccessTime() throws IOException {
        metrics.syncPassTook("primary", Duration.ofMillis(140));
        metrics.syncObjects("primary", SyncAction.APPLIED, 2);
        metrics.syncObjects("primary", SyncAction.UNCHANGED, 40);
        metrics.driftCorrected("primary", 1);
        metrics.syncSucceeded("primary", Instant.parse("2026-01-10T08:00:00.250Z"));

        assertThat(samples()).contains(
                "burst_gitops_sync_pass_duration_seconds_bucket{cluster=\"primary\",le=\"0.1\"} 0",
                "burst_gitops_sync_pass_duration_seconds_bucket{cluster=\"primary\",le=\"0.25\"} 1",
                "burst_gitops_sync_pass_duration_seconds_count{cluster=\"primary\"} 1",
                "burst_gitops_sync_pass_duration_seconds_sum{cluster=\"primary\"} 0.14",
                "burst_gitops_sync_objects_total{action=\"applied\",cluster=\"primary\"} 2.0",
                "burst_gitops_sync_objects_total{action=\"unchanged\",cluster=\"primary\"} 40.0",
                "burst_gitops_drift_corrections_total{cluster=\"primary\"} 1.0",
                "burst_gitops_sync_last_success_timestamp_seconds{cluster=\"primary\"} 1.76803200025E9");
    }

    @Test
    void anObservationWithoutDataIsExportedAsNaN() throws IOException {
        metrics.observed("worker", Double.NaN);

        assertThat(samples()).contains("burst_gitops_observed_value{policy=\"worker\"} NaN");
    }

    @Test
    void aDeclaredClusterStartsEachSyncFailureReasonAtZeroAndFetchLoopsTheirFailuresToo() throws IOException {
        metrics.declareCluster("burst");
        metrics.declareFetchLoop("sync");

        // Declared at zero, so that the alerts' increase() sees the first failure.
        assertThat(samples()).contains(
                "burst_gitops_sync_failures_total{cluster=\"burst\",reason=\"render\"} 0.0",
                "burst_gitops_sync_failures_total{cluster=\"burst\",reason=\"unreachable\"} 0.0",
                "burst_gitops_sync_failures_total{cluster=\"burst\",reason=\"objects\"} 0.0",
                "burst_gitops_sync_failures_total{cluster=\"burst\",reason=\"error\"} 0.0",
                "burst_gitops_fetch_failures_total{loop=\"sync\"} 0.0");
    }

    @Test
    void pushAndFetchFailuresAreCountedApart() throws IOException {
        metrics.pushFailed("worker");
        metrics.fetchFailed("sync");
        metrics.fetchFailed("sync");
        metrics.fetchFailed("burst");

        assertThat(samples()).contains(
                "burst_gitops_push_failures_total{policy=\"worker\"} 1.0",
                "burst_gitops_fetch_failures_total{loop=\"sync\"} 2.0",
                "burst_gitops_fetch_failures_total{loop=\"burst\"} 1.0");
    }

    @Test
    void retriesOfOnePublishAddUpAndZeroRetriesLeaveTheCounterAlone() throws IOException {
        metrics.declarePolicy("worker");
        metrics.pushRetried("worker", 4);
        metrics.pushRetried("worker", 0);
        metrics.pushRetried("worker");

        assertThat(samples()).contains("burst_gitops_push_retries_total{policy=\"worker\"} 5.0");
        assertThatThrownBy(() -> metrics.pushRetried("worker", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClustersReachabilityAndItsFailedPassesShowPerCluster() throws IOException {
        metrics.clusterReachable("primary", true);
        metrics.clusterReachable("burst", true);
        metrics.clusterReachable("burst", false);
        metrics.syncFailed("burst", ControllerMetrics.SyncFailure.UNREACHABLE);

        assertThat(samples()).contains(
                "burst_gitops_cluster_reachable{cluster=\"primary\"} 1.0",
                "burst_gitops_cluster_reachable{cluster=\"burst\"} 0.0",
                "burst_gitops_sync_failures_total{cluster=\"burst\",reason=\"unreachable\"} 1.0");
    }

    @Test
    void thresholdsAndLeadershipAreGaugesADashboardAndAnAlertCanRead() throws IOException {
        metrics.bandThresholds("worker", 15, 10);
        metrics.spilloverCapacity("frontend", 100);
        metrics.leading(false);
        metrics.leading(true);

        assertThat(samples()).contains(
                "burst_gitops_policy_threshold{policy=\"worker\",threshold=\"enterAbove\"} 15.0",
                "burst_gitops_policy_threshold{policy=\"worker\",threshold=\"exitBelow\"} 10.0",
                "burst_gitops_policy_threshold{policy=\"frontend\",threshold=\"capacity\"} 100.0",
                "burst_gitops_leader 1.0");
    }

    @Test
    void theJvmsMetricsComeWithEveryRegistryOnceEach() throws IOException {
        ControllerMetrics another = new ControllerMetrics();

        // Two registries in one JVM: each shows the JVM's series, and neither shows them twice
        // (a duplicate would be a second HELP line, which breaks the scrape).
        for (List<String> scraped : List.of(text(metrics), text(another))) {
            assertThat(scraped).filteredOn(line -> line.startsWith("jvm_memory_used_bytes{area=\"heap\"}"))
                    .hasSize(1);
            assertThat(scraped).filteredOn(line -> line.equals("# TYPE jvm_threads_current gauge")).hasSize(1);
            assertThat(scraped).anyMatch(line -> line.startsWith("process_cpu_seconds_total "));
        }
    }

    @Test
    void aNegativeCountIsAProgrammingErrorNotADecrement() {
        assertThatThrownBy(() -> metrics.syncObjects("primary", SyncAction.PRUNED, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> samples() throws IOException {
        return text(metrics).stream().filter(line -> !line.startsWith("#")).toList();
    }

    private static List<String> text(ControllerMetrics metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
