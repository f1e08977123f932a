package dev.burstgitops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.controller.DecisionRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The demo end to end, with its real peers (Prometheus, a Git repository, two in-memory API
 * servers) and a one-minute scenario: 5 req/s, a rush to 25 req/s, then 3 req/s. It costs about
 * a minute, so it is one test; it stops the run as soon as the cycle is complete, the way Ctrl-C
 * does, and asserts on what the run reports.
 */
class DemoRunTest {

    private static final Path SHORT_SCENARIO = Path.of("src/test/resources/demo/short-scenario.yaml");

    @Test
    void aShortRushIsBurstedAndReturnedThroughGitWhileTheBurstWorkerServesItsShare() throws Exception {
        Path prometheus = LocalPrometheus.findBinary()
                .orElseThrow(() -> new IllegalStateException("needs prometheus: " + LocalPrometheus.INSTALL_COMMAND));
        DemoOptions options = new DemoOptions(Duration.ofMinutes(2), DemoScenarioReader.read(SHORT_SCENARIO),
                Optional.empty(), false);
        StringWriter output = new StringWriter();
        DemoRun run = new DemoRun();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<DemoResult> running = runner.submit(() -> run.run(options, prometheus, new PrintWriter(output)));

            await("natural -> burst -> natural applied to primary").atMost(Duration.ofSeconds(110))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(appliedWeights(run.eventsSoFar()))
                            .containsSubsequence("0/100", "100/0"));
            run.stop(Duration.ofSeconds(60));
            DemoResult result = running.get(60, TimeUnit.SECONDS);

            assertThat(result.history()).extracting(record -> record.from() + " -> " + record.to())
                    .containsExactly("natural -> burst", "burst -> natural");
            assertThat(result.history()).extracting(DecisionRecord::commit)
                    .containsExactlyElementsOf(result.eventsOf("commit").stream()
                            .map(event -> (String) event.fields().get("commit")).toList());
            assertThat(appliedWeights(result.events())).containsSubsequence("100/0", "0/100", "100/0");
            assertThat(result.summary().finalWeights()).contains(RouteWeights.NATURAL);
            assertThat(result.eventsOf("status"))
                    .filteredOn(event -> "burst".equals(event.fields().get("mode")))
                    .extracting(event -> (Double) event.fields().get("burstShare"))
                    .isNotEmpty()
                    .anySatisfy(share -> assertThat(share).isGreaterThan(0.5));
            assertThat(result.summary().resultsByPrefix().get("bursty-")).isPositive();
            assertThat(result.summary().crossingToBurstCommit().samples()).hasSize(1);
            assertThat(result.summary().commitToApplied().samples()).hasSize(2);
            assertThat(output.toString())
                    .contains("IN-MEMORY STAND-IN", "Decision history", "Measured (stopped early)");
        } finally {
            run.stop(Duration.ofSeconds(60));
            runner.shutdownNow();
        }
    }

    private static List<String> appliedWeights(List<DemoEvent> events) {
        return events.stream().filter(event -> event.type().equals("applied"))
                .map(event -> event.fields().get("primaryWeight") + "/" + event.fields().get("burstWeight"))
                .toList();
    }
}
