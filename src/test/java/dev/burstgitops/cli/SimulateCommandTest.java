package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.PrometheusGaugeSeries;
import dev.burstgitops.testing.PrometheusServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate} against the real Prometheus holding two hours of a worker's request rate,
 * written before the server starts: quiet, a rush, a lull inside the band, quiet, a second rush.
 */
class SimulateCommandTest {

    /** Two to three hours ago, on a whole hour: the history's first sample. */
    private static final Instant START = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
    private static final Instant END = START.plus(Duration.ofMinutes(120));

    private static PrometheusServer prometheus;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPrometheus() {
        TreeMap<Instant, Double> rate = new TreeMap<>();
        for (Instant at = START; !at.isAfter(END); at = at.plusSeconds(15)) {
            long minute = Duration.between(START, at).toMinutes();
            rate.put(at, minute < 30 ? 5.0 : minute < 60 ? 20.0 : minute < 62 ? 12.0 : minute < 90 ? 4.0 : 20.0);
        }
        prometheus = PrometheusServer.startWithHistory(List.of(new PrometheusGaugeSeries("worker_requests_per_second",
                Map.of("service", "worker"), rate)));
    }

    @AfterAll
    static void stopPrometheus() {
        prometheus.close();
    }

    @Test
    void printsEveryChangeThePolicyWouldHaveMadeAndTheTimeInEachMode() {
        CommandRun run = simulate("--step", "15s");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().lines()).containsExactly(
                at(30) + "  natural -> burst at 20 req/s (> 15 req/s for 0s)",
                at(62, 30) + "  burst -> natural at 4 req/s (< 10 req/s for 30s)",
                at(90) + "  natural -> burst at 20 req/s (> 15 req/s for 0s)",
                "worker: 3 changes from " + START + " to " + END + "; natural 57m30s (48%); burst 1h2m30s (52%)");
    }

    @Test
    void aFineStepIsReadInChunksAndDecidesTheSame() {
        // 7,201 one-second polls: eight range queries of at most 1,000 steps each.
        CommandRun run = simulate("--step", "1s");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().lines().filter(line -> line.contains(" -> ")).map(line -> line.substring(0, 20)))
                .containsExactly(at(30).toString().substring(0, 20), at(62, 30).toString().substring(0, 20),
                        at(90).toString().substring(0, 20));
    }

    @Test
    void jsonPrintsOneObjectPerChangeAndASummary() throws Exception {
        CommandRun run = simulate("--step", "15s", "--json");

        List<JsonNode> lines = run.out().lines().map(SimulateCommandTest::json).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1).get("time").asText()).isEqualTo(at(62, 30).toString());
        assertThat(lines.get(1).get("from").asText()).isEqualTo("burst");
        assertThat(lines.get(1).get("to").asText()).isEqualTo("natural");
        assertThat(lines.get(1).get("observed").asText()).isEqualTo("4 req/s");
        assertThat(lines.get(1).get("rule").asText()).isEqualTo("< 10 req/s for 30s");
        assertThat(lines.get(3).get("changes").asInt()).isEqualTo(3);
        assertThat(lines.get(3).get("secondsIn").get("burst").asLong()).isEqualTo(Duration.ofMinutes(62).plusSeconds(30).toSeconds());
    }

    @Test
    void aCooldownHoldsBurstUntilItHasPassedSinceTheLastChange() {
        CommandRun run = simulate("--step", "15s", "--cooldown", "45m");

        assertThat(run.out().lines().filter(line -> line.contains(" -> "))).containsExactly(
                at(30) + "  natural -> burst at 20 req/s (> 15 req/s for 0s)",
                at(75) + "  burst -> natural at 4 req/s (< 10 req/s for 30s)",
                at(120) + "  natural -> burst at 20 req/s (> 15 req/s for 0s)");
    }

    @Test
    void anUnreachablePrometheusExitsWithThreeAndNoChange() {
        Path config = ConfigYaml.forRemote("file:///nowhere").prometheus("http://127.0.0.1:1")
                .workerPolicy("sum(worker_requests_per_second)").writeTo(dir.resolve("unreachable.yaml"));

        CommandRun run = CommandRun.of("simulate", "--config", config.toString(), "--policy", "worker",
                "--from", START.toString(), "--to", END.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("metric query failed: ");
    }

    private CommandRun simulate(String... options) {
        List<String> policyLines = new java.util.ArrayList<>(List.of("exitFor: 30s", "cooldown: 60s"));
        List<String> args = new java.util.ArrayList<>();
        for (int i = 0; i < options.length; i++) {
            if (options[i].equals("--cooldown")) {
                policyLines.set(1, "cooldown: " + options[++i]);
            } else {
                args.add(options[i]);
            }
        }
        Path config = ConfigYaml.forRemote("file:///nowhere").prometheus(prometheus.uri())
                .workerPolicy("sum(worker_requests_per_second)", policyLines.toArray(String[]::new))
                .writeTo(dir.resolve("burst-gitops.yaml"));
        List<String> command = new java.util.ArrayList<>(List.of("simulate", "--config", config.toString(),
                "--policy", "worker", "--from", START.toString(), "--to", END.toString()));
        command.addAll(args);
        return CommandRun.of(command.toArray(String[]::new));
    }

    private static Instant at(int minutes) {
        return at(minutes, 0);
    }

    private static Instant at(int minutes, int seconds) {
        return START.plus(Duration.ofMinutes(minutes)).plusSeconds(seconds);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
