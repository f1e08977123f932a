package dev.burstgitops.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.decision.Mode;
import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import dev.burstgitops.status.SyncAction;
import dev.burstgitops.sync.ApplyReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics as Prometheus reads it: checked by the real promtool and by a plain line reading. */
class MetricsEndpointTest {

    private final ControllerMetrics metrics = new ControllerMetrics();
    private final RunningServer server = RunningServer.start(ServerSettings.of("127.0.0.1", 0, Optional.empty()),
            new ServerInputs(metrics, new LoopHealth(Clock.systemUTC()), new Readiness(), Map::of,
                    new RecordingListener()));

    @BeforeEach
    void recordAPassOfEachLoop() {
        metrics.declarePolicy("worker");
        metrics.declareCluster("primary");
        metrics.observed("worker", 17.25);
        metrics.mode("worker", Mode.BURST);
        metrics.decided("worker", Mode.NATURAL, Mode.BURST);
        metrics.committed("worker");
        metrics.pushRetried("worker");
        metrics.pushFailed("worker");
        metrics.queryFailed("worker");
        metrics.syncPassTook("primary", Duration.ofMillis(140));
        metrics.syncObjects("primary", SyncAction.APPLIED, 2);
        metrics.syncObjects("primary", SyncAction.UNCHANGED, 40);
        metrics.driftCorrected("primary", 1);
        metrics.applied("primary", ApplyReason.GIT, 1);
        metrics.applied("primary", ApplyReason.DRIFT, 1);
        metrics.syncSucceeded("primary", Instant.parse("2026-01-10T08:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void isServedAsPrometheusTextFormatVersion004() {
        assertThat(server.get("/metrics").contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    }

    @Test
    void promtoolParsesTheScrapeWithoutErrorsOrLintProblems() {
        String body = server.get("/metrics").body();

        PromtoolCheck.Result check = PromtoolCheck.checkMetrics(body);

        assertThat(check.output()).doesNotContainIgnoringCase("error");
        assertThat(check.exitCode()).as("promtool output: %s", check.output()).isZero();
    }

    @Test
    void promtoolWouldCatchABrokenExpositionSoItsVerdictMeansSomething() {
        PromtoolCheck.Result check = PromtoolCheck.checkMetrics("burst_gitops_mode{policy=\"worker} 1\n");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output()).containsIgnoringCase("parsing error");
    }

    @Test
    void everyPromisedSeriesAppearsWithItsLabels() {
        List<ExpositionSamples.Sample> samples = ExpositionSamples.parse(server.get("/metrics").body());

        assertThat(samples).contains(
                sample("burst_gitops_observed_value", Map.of("policy", "worker"), 17.25),
                sample("burst_gitops_mode", Map.of("mode", "burst", "policy", "worker"), 1.0),
                sample("burst_gitops_mode", Map.of("mode", "natural", "policy", "worker"), 0.0),
                sample("burst_gitops_decisions_total", Map.of("from", "natural", "policy", "worker", "to", "burst"), 1.0),
                sample("burst_gitops_commits_total", Map.of("policy", "worker"), 1.0),
                sample("burst_gitops_push_retries_total", Map.of("policy", "worker"), 1.0),
                sample("burst_gitops_push_failures_total", Map.of("policy", "worker"), 1.0),
                sample("burst_gitops_query_failures_total", Map.of("policy", "worker"), 1.0),
                sample("burst_gitops_sync_pass_duration_seconds_count", Map.of("cluster", "primary"), 1),
                sample("burst_gitops_sync_objects_total", Map.of("action", "applied", "cluster", "primary"), 2.0),
                sample("burst_gitops_sync_objects_total", Map.of("action", "pruned", "cluster", "primary"), 0.0),
                sample("burst_gitops_sync_objects_total", Map.of("action", "failed", "cluster", "primary"), 0.0),
                sample("burst_gitops_sync_objects_total", Map.of("action", "unchanged", "cluster", "primary"), 40.0),
                sample("burst_gitops_drift_corrections_total", Map.of("cluster", "primary"), 1.0),
                sample("burst_gitops_applies_total", Map.of("cluster", "primary", "reason", "git"), 1.0),
                sample("burst_gitops_applies_total", Map.of("cluster", "primary", "reason", "drift"), 1.0),
                sample("burst_gitops_applies_total", Map.of("cluster", "primary", "reason", "takeover"), 0.0),
                sample("burst_gitops_sync_last_success_timestamp_seconds", Map.of("cluster", "primary"), 1_768_032_000.0));
        assertThat(samples).filteredOn(s -> s.name().equals("burst_gitops_sync_pass_duration_seconds_bucket"))
                .extracting(s -> s.labels().get("le")).contains("0.1", "0.25", "+Inf");
    }

    @Test
    void exportsOnlyTheControllersOwnSeriesAndTheJvms() {
        assertThat(ExpositionSamples.parse(server.get("/metrics").body()))
                .extracting(ExpositionSamples.Sample::name)
                .allMatch(name -> name.startsWith("burst_gitops_") || name.startsWith("jvm_")
                        || name.startsWith("process_"));
    }

    @Test
    void theJvmsHeapThreadsGarbageCollectionAndCpuAreScraped() {
        List<ExpositionSamples.Sample> samples = ExpositionSamples.parse(server.get("/metrics").body());

        // Read from this very JVM, so the values are real: a heap in use, live threads, CPU spent.
        assertThat(samples).filteredOn(s -> s.name().equals("jvm_memory_used_bytes")
                        && "heap".equals(s.labels().get("area")))
                .singleElement().extracting(ExpositionSamples.Sample::value).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isPositive();
        assertThat(samples).filteredOn(s -> s.name().equals("jvm_threads_current"))
                .singleElement().extracting(ExpositionSamples.Sample::value).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isGreaterThanOrEqualTo(1.0);
        assertThat(samples).extracting(ExpositionSamples.Sample::name)
                .contains("jvm_gc_collection_seconds_count", "process_cpu_seconds_total", "jvm_runtime_info");
    }

    private static ExpositionSamples.Sample sample(String name, Map<String, String> labels, double value) {
        return new ExpositionSamples.Sample(name, labels, value);
    }
}
