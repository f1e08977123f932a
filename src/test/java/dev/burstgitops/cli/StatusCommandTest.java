package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.status.ControllerStatus;
import dev.burstgitops.status.FetchStatus;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.status.RefusedHead;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.decision.Observation;
import dev.burstgitops.server.ControllerHttpServer;
import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import dev.burstgitops.server.ServerInputs;
import dev.burstgitops.server.ServerSettings;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code status} against the controller's real HTTP server, serving the same status model the
 * running loops fill in.
 */
class StatusCommandTest {

    private final ControllerStatus status = new ControllerStatus(Clock.systemUTC());
    private ControllerHttpServer server;

    @BeforeEach
    void start() {
        server = ControllerHttpServer.start(ServerSettings.of("127.0.0.1", 0, Optional.empty()),
                new ServerInputs(new ControllerMetrics(), new LoopHealth(Clock.systemUTC()), new Readiness(),
                        status::snapshot, (event, delivery) -> { }));
        status.recordPass(new PassResult("worker", Decision.change(Mode.NATURAL, Mode.BURST, observed(20),
                "> 15 req/s for 0s", "20 req/s is above 15 req/s"), Optional.of("3f2a1c9d0e"), 1, Optional.empty(),
                Optional.empty()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Observation observed(double rate) {
        return Observation.rate(rate);
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void printsAPolicyAndAClusterTableAndExitsOneWhenAClusterReportsAnError() {
        status.recordClusterPass(new ClusterPassResult.Failed("burst", "abc", "cluster burst unreachable: timeout"));

        CommandRun run = CommandRun.of("status", "--server", base());

        assertThat(run.out()).containsPattern("POLICY +MODE +OBSERVED")
                .containsPattern("worker +burst +20 req/s +- +3f2a1c9 +- +20 req/s is above 15 req/s")
                .containsPattern("burst +- +0 .*no +error: sync burst @abc: failed: cluster burst unreachable: timeout");
        assertThat(run.exitCode()).as("the cluster reports an error").isEqualTo(ExitCodes.PROBLEMS);
    }

    @Test
    void aRefusedHeadIsPrintedWithTheRevisionTheClustersStayAtAndExitsOne() {
        java.time.Instant since = java.time.Instant.parse("2026-11-26T21:00:00Z");
        status.recordFetch(new FetchStatus(java.util.Optional.of("3f2a1c9d0e"), java.util.Optional.of(since), 0,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of(new RefusedHead(
                "8c1d2e3f4a5b6c7d", "head 8c1d2e3f4a5b is not signed by an allowed key (it carries no signature)",
                since))));

        CommandRun run = CommandRun.of("status", "--server", base());

        assertThat(run.out()).contains("git: head 8c1d2e3f4a5b is not signed by an allowed key (it carries no"
                + " signature), since 2026-11-26T21:00:00Z; the clusters stay at 3f2a1c9");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    }

    @Test
    void jsonIsTheStatusDocumentAsTheControllerServesIt() throws Exception {
        CommandRun run = CommandRun.of("status", "--server", base(), "-o", "json");

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode worker = new ObjectMapper().readTree(run.out()).path("policies").path("worker");
        assertThat(worker.path("mode").asText()).isEqualTo("burst");
        assertThat(worker.path("lastCommit").asText()).isEqualTo("3f2a1c9d0e");
    }

    @Test
    void aControllerThatDoesNotAnswerIsExitOneNamingTheAddress() {
        server.close();

        CommandRun run = CommandRun.of("status", "--server", base());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("status: " + base() + " did not answer");
    }
}
