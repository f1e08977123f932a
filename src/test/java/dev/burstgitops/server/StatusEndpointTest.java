package dev.burstgitops.server;

import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import dev.burstgitops.testing.CapturedLogs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.decision.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /status writes whatever model the controller hands it; these records stand in for that model. */
class StatusEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record PolicyView(String name, Mode mode, double observed, Instant lastDecision,
                      Optional<Instant> overrideUntil, Optional<String> lastError, Duration interval) {
    }

    record ClusterView(String name, String revision, Map<String, Integer> objects) {
    }

    record StatusView(List<PolicyView> policies, List<ClusterView> clusters) {
    }

    private final AtomicReference<Object> status = new AtomicReference<>(Map.of());
    private final RunningServer server = RunningServer.start(ServerSettings.of("127.0.0.1", 0, Optional.empty()),
            new ServerInputs(new ControllerMetrics(), new LoopHealth(Clock.systemUTC()), new Readiness(),
                    status::get, new RecordingListener()));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void recordsBecomeObjectsWithInstantsAsIsoTextAndOptionalsUnwrapped() throws Exception {
        status.set(new StatusView(
                List.of(new PolicyView("worker", Mode.BURST, 17.5, Instant.parse("2026-01-10T08:00:00Z"),
                        Optional.of(Instant.parse("2026-11-27T06:00:00Z")), Optional.empty(), Duration.ofSeconds(1))),
                List.of(new ClusterView("burst", "3f2a1c9", Map.of("applied", 2)))));

        RunningServer.Reply reply = server.get("/status");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode worker = JSON.readTree(reply.body()).get("policies").get(0);
        assertThat(worker.get("name").asText()).isEqualTo("worker");
        assertThat(worker.get("mode").asText()).isEqualTo("BURST");
        assertThat(worker.get("observed").asDouble()).isEqualTo(17.5);
        assertThat(worker.get("lastDecision").asText()).isEqualTo("2026-01-10T08:00:00Z");
        assertThat(worker.get("overrideUntil").asText()).isEqualTo("2026-11-27T06:00:00Z");
        assertThat(worker.get("lastError").isNull()).isTrue();
        assertThat(worker.get("interval").asText()).isEqualTo("PT1S");
        JsonNode burst = JSON.readTree(reply.body()).get("clusters").get(0);
        assertThat(burst.get("objects").get("applied").asInt()).isEqualTo(2);
    }

    @Test
    void eachRequestAsksTheSourceAnewSoTheStatusIsCurrent() throws Exception {
        status.set(Map.of("revision", "aaa"));
        assertThat(JSON.readTree(server.get("/status").body()).get("revision").asText()).isEqualTo("aaa");

        status.set(Map.of("revision", "bbb"));

        assertThat(JSON.readTree(server.get("/status").body()).get("revision").asText()).isEqualTo("bbb");
    }

    @Test
    void aSourceThatFailsGives500WithoutTheExceptionsMessage() {
        RunningServer failing = RunningServer.start(ServerSettings.of("127.0.0.1", 0, Optional.empty()),
                new ServerInputs(new ControllerMetrics(), new LoopHealth(Clock.systemUTC()), new Readiness(),
                        () -> {
                            throw new IllegalStateException("token=hunter2");
                        }, new RecordingListener()));
        try (failing; CapturedLogs logs = CapturedLogs.capture()) {
            RunningServer.Reply reply = failing.get("/status");

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.body()).doesNotContain("hunter2").contains("status unavailable");
            assertThat(logs.lines()).anyMatch(line -> line.startsWith("WARN") && line.contains("Status could not"));
        }
    }
}
