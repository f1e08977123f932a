package dev.burstgitops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /status} and {@code /metrics} say which build is running, without changing the rest of what they show. */
class BuildInfoEndpointsTest {

    private static final String COMMIT = "29c7efbd02a78a602c7995bf00174ae881b587b8";

    /** Stands in for the controller's snapshot: a record with a time and a nested map. */
    record Snapshot(Instant time, Map<String, Object> policies, Optional<String> lastError) {
    }

    @Test
    void statusCarriesTheBuildFirstAndTheSnapshotsFieldsUnchangedBesideIt() throws Exception {
        Snapshot snapshot = new Snapshot(Instant.parse("2026-01-10T08:00:00Z"), Map.of("worker", Map.of("mode", "burst")),
                Optional.empty());
        ControllerMetrics metrics = new ControllerMetrics();

        JsonNode status = statusOf(new StatusWithBuild(() -> snapshot, "0.1.0", COMMIT), metrics);

        assertThat(status.path("build").path("version").asText()).isEqualTo("0.1.0");
        assertThat(status.path("build").path("commit").asText()).isEqualTo(COMMIT);
        assertThat(status.path("time").asText()).isEqualTo("2026-01-10T08:00:00Z");
        assertThat(status.path("policies").path("worker").path("mode").asText()).isEqualTo("burst");
        assertThat(status.has("lastError")).isTrue();
        // Unwrapped: the snapshot's fields are at the top, not under a wrapper's name.
        assertThat(fieldNames(status)).containsExactly("build", "time", "policies", "lastError");
    }

    @Test
    void aMapStatusIsMergedTheSameWay() throws Exception {
        JsonNode status = statusOf(new StatusWithBuild(() -> Map.of("clusters", Map.of()), "0.1.0", COMMIT),
                new ControllerMetrics());

        assertThat(fieldNames(status)).containsExactly("build", "clusters");
    }

    @Test
    void metricsCarryTheBuildInfoSeriesAsOneAndPromtoolParsesIt() {
        ControllerMetrics metrics = new ControllerMetrics();
        metrics.buildInfo("0.1.0-SNAPSHOT", "unknown");
        metrics.buildInfo("0.1.0", COMMIT);

        try (RunningServer server = RunningServer.start(ServerSettings.of("127.0.0.1", 0, Optional.empty()),
                inputs(Map::of, metrics))) {
            String exposition = server.get("/metrics").body();

            // The later call replaces the earlier series: one build runs at a time.
            assertThat(exposition.lines().filter(line -> line.startsWith("burst_gitops_build_info")))
                    .containsExactly("burst_gitops_build_info{commit=\"" + COMMIT + "\",version=\"0.1.0\"} 1");
            assertThat(exposition).contains("# TYPE burst_gitops_build_info gauge");
            assertThat(PromtoolCheck.checkMetrics(exposition).exitCode()).as(PromtoolCheck.checkMetrics(exposition)
                    .output()).isZero();
        }
    }

    private static JsonNode statusOf(StatusSource source, ControllerMetrics metrics) throws Exception {
        try (RunningServer server = RunningServer.start(ServerSettings.of("127.0.0.1", 0, Optional.empty()),
                inputs(source, metrics))) {
            RunningServer.Reply reply = server.get("/status");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return new ObjectMapper().readTree(reply.body());
        }
    }

    private static ServerInputs inputs(StatusSource status, ControllerMetrics metrics) {
        return new ServerInputs(metrics, new LoopHealth(Clock.systemUTC()), new Readiness(), status,
                new RecordingListener());
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
