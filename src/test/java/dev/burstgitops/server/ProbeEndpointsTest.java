package dev.burstgitops.server;

import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import dev.burstgitops.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /healthz and /readyz over real HTTP, driven by a clock the test moves. */
class ProbeEndpointsTest {

    private static final Instant START = Instant.parse("2026-01-10T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = new MutableClock(START);
    private final LoopHealth health = new LoopHealth(clock);
    private final Readiness readiness = new Readiness("config loaded", "first fetch", "first sync pass");
    private final RunningServer server = RunningServer.start(ServerSettings.of("127.0.0.1", 0, Optional.empty()),
            new ServerInputs(new ControllerMetrics(), health, readiness, Map::of, new RecordingListener()));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthzAnswers200WithEveryLoopWhileTheyProgress() throws Exception {
        health.register("burst", Duration.ofSeconds(30));
        health.register("sync", Duration.ofSeconds(180));
        clock.advance(Duration.ofSeconds(20));
        health.progressed("burst");

        RunningServer.Reply reply = server.get("/healthz");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("loops")).extracting(loop -> loop.get("name").asText()).containsExactly("burst", "sync");
    }

    @Test
    void healthzTurns503NamingTheStalledLoopAndSinceWhenOnceTheClockPassesItsLimit() throws Exception {
        health.register("burst", Duration.ofSeconds(30));
        health.register("sync", Duration.ofSeconds(180));
        clock.advance(Duration.ofSeconds(31));
        health.progressed("sync");

        RunningServer.Reply reply = server.get("/healthz");

        assertThat(reply.status()).isEqualTo(503);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.get("status").asText()).isEqualTo("stalled");
        assertThat(body.get("stalled")).extracting(JsonNode::asText).containsExactly("burst");
        JsonNode burst = body.get("loops").get(0);
        assertThat(burst.get("name").asText()).isEqualTo("burst");
        assertThat(burst.get("stalled").asBoolean()).isTrue();
        assertThat(burst.get("lastProgress").asText()).isEqualTo("2026-01-10T08:00:00Z");
        assertThat(burst.get("limit").asText()).isEqualTo("PT30S");
        assertThat(burst.get("silentFor").asText()).isEqualTo("PT31S");
    }

    @Test
    void healthzRecoversTo200AfterTheStalledLoopProgresses() {
        health.register("burst", Duration.ofSeconds(30));
        clock.advance(Duration.ofMinutes(2));
        assertThat(server.get("/healthz").status()).isEqualTo(503);

        health.progressed("burst");

        assertThat(server.get("/healthz").status()).isEqualTo(200);
    }

    @Test
    void readyzAnswers503ListingThePendingConditionsInOrder() throws Exception {
        readiness.done("first fetch");

        RunningServer.Reply reply = server.get("/readyz");

        assertThat(reply.status()).isEqualTo(503);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("pending")).extracting(JsonNode::asText).containsExactly("config loaded", "first sync pass");
        assertThat(body.get("done")).extracting(JsonNode::asText).containsExactly("first fetch");
    }

    @Test
    void readyzAnswers200OnceEveryConditionIsDone() throws Exception {
        readiness.done("config loaded");
        readiness.done("first fetch");
        readiness.done("first sync pass");

        RunningServer.Reply reply = server.get("/readyz");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).get("pending")).isEmpty();
    }
}
