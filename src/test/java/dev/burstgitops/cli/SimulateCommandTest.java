package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.PrometheusGaugeSeries;
import dev.burstgitops.testing.PrometheusServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
    void aSpilloverPolicyPrintsEachShareItWouldHaveMovedToAndTheTimeAtEachShare() {
        // capacity 10: the rushes (20 req/s) call for 50%, the lull (12 req/s) for 20%, quiet for 0%.
        CommandRun run = simulateSpillover("--step", "15s");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().lines()).containsExactly(
                at(30) + "  0% -> 50% at 20 req/s (capacity 10 req/s, step 10%)",
                // exitFor 30s: the lull has lasted it at 60:30, and again 0% has by 62:30.
                at(60, 30) + "  50% -> 20% at 12 req/s (capacity 10 req/s, step 10%)",
                at(62, 30) + "  20% -> 0% at 4 req/s (capacity 10 req/s, step 10%)",
                at(90) + "  0% -> 50% at 20 req/s (capacity 10 req/s, step 10%)",
                "worker: 4 changes from " + START + " to " + END + "; 0% 57m30s (48%); 20% 2m (2%); 50% 1h30s (50%)");
    }

    @Test
    void aSpilloverPolicyHoldsItsShareUntilTheCooldownHasPassed() {
        CommandRun run = simulateSpillover("--step", "15s", "--cooldown", "45m");

        assertThat(run.out().lines().filter(line -> line.contains(" -> "))).containsExactly(
                at(30) + "  0% -> 50% at 20 req/s (capacity 10 req/s, step 10%)",
                // A step lower since the lull at 60:00, held until 45m after 30:00; the window saw
                // the lull call for 20%, so the share falls that far and no further.
                at(75) + "  50% -> 20% at 4 req/s (capacity 10 req/s, step 10%)",
                at(120) + "  20% -> 50% at 20 req/s (capacity 10 req/s, step 10%)");
    }

    @Test
    void jsonForASpilloverPolicyNamesTheShareOfEachChangeAndTheSecondsAtEachShare() throws Exception {
        CommandRun run = simulateSpillover("--step", "15s", "--json");

        List<JsonNode> lines = run.out().lines().map(SimulateCommandTest::json).toList();
        assertThat(lines).hasSize(5);
        JsonNode fall = lines.get(1);
        assertThat(fall.get("time").asText()).isEqualTo(at(60, 30).toString());
        assertThat(fall.get("from").asText()).isEqualTo("50%");
        assertThat(fall.get("to").asText()).isEqualTo("20%");
        assertThat(fall.get("share").asInt()).isEqualTo(20);
        assertThat(fall.get("observed").asText()).isEqualTo("12 req/s");
        assertThat(fall.get("rule").asText()).isEqualTo("capacity 10 req/s, step 10%");
        JsonNode summary = lines.get(4);
        assertThat(summary.get("changes").asInt()).isEqualTo(4);
        assertThat(summary.get("secondsIn").fieldNames()).toIterable().containsExactly("0%", "20%", "50%");
        assertThat(summary.get("secondsIn").get("20%").asLong()).isEqualTo(Duration.ofMinutes(2).toSeconds());
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
        return simulate(false, options);
    }

    /** The same policy as a spillover one. */
    private CommandRun simulateSpillover(String... options) {
        return simulate(true, options);
    }

    private CommandRun simulate(boolean spillover, String... options) {
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
        if (spillover) {
            replaceBandWithSpillover(config);
        }
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

    /** Puts {@code spillover} (capacity 10 req/s, step 10%) in place of the policy's band. */
    private static void replaceBandWithSpillover(Path config) {
        String band = "    enterAbove: 15\n    exitBelow: 10\n";
        try {
            String text = Files.readString(config);
            assertThat(text).contains(band);
            Files.writeString(config, text.replace(band, "    spillover:\n      capacity: 10\n      step: 10\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
