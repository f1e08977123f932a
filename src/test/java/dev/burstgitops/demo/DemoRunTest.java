package dev.burstgitops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.record.DecisionRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end, with its real peers (Prometheus, a Git repository, etcd and two
 * kube-apiservers) and a one-minute scenario: 5 req/s, a rush to 25 req/s, then 3 req/s. It costs
 * about a minute, so it is one test; it stops the run as soon as the cycle is complete, the way
 * Ctrl-C does, and asserts on what the run reports and on what it kept with {@code --keep}: the
 * primary API server's own audit log of the controller's writes.
 */
@Tag("wall-clock")
class DemoRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHORT_SCENARIO = Path.of("src/test/resources/demo/short-scenario.yaml");
    /**
     * The reference query over 15 s (15 scrapes here) instead of a minute: a one-minute scenario
     * never lifts a one-minute average past the threshold.
     */
    private static final String FIFTEEN_SECOND_QUERY = DemoConfigFile.WORKER_QUERY.replace("[1m]", "[15s]");

    @Test
    void aShortRushIsBurstedAndReturnedThroughGitWhileTheBurstWorkerServesItsShare(@TempDir Path dir)
            throws Exception {
        Path prometheus = LocalPrometheus.findBinary()
                .orElseThrow(() -> new IllegalStateException("needs prometheus: " + LocalPrometheus.INSTALL_COMMAND));
        PeerBinaries kubernetes = PeerBinaries.installed();
        Path kept = dir.resolve("kept");
        DemoOptions options = new DemoOptions(Duration.ofMinutes(2), DemoScenarioReader.read(SHORT_SCENARIO),
                Optional.of(kept), false, FIFTEEN_SECOND_QUERY);
        StringWriter output = new StringWriter();
        DemoRun run = new DemoRun();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<DemoResult> running =
                    runner.submit(() -> run.run(options, prometheus, kubernetes, new PrintWriter(output)));

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
            // The burst worker is available only 25 s after its apply: the gate held burst until then.
            List<String> order = result.events().stream()
                    .filter(event -> List.of("gate", "kubelet", "commit").contains(event.type()))
                    .map(DemoEvent::type).toList();
            assertThat(order).containsSubsequence("gate", "kubelet", "commit");
            // Said once while it holds, not once a pass.
            assertThat(result.eventsOf("gate")).singleElement().satisfies(event -> assertThat(event.text())
                    .startsWith("burst not ready: Deployment default/worker-deployment in cluster burst has 0 of 1"));
            assertThat(result.summary().crossingToBurstCommit().samples()).hasSize(1);
            assertThat(result.summary().commitToApplied().samples()).hasSize(2);
            assertThat(output.toString())
                    .contains("the real kube-apiserver v" + kubernetes.kubernetesVersion(), "Decision history",
                            "Measured (stopped early)");
            // The weights went to a real API server as server-side applies by the controller's user,
            // and --keep kept the peers' files: the audit log says so in the server's own words.
            assertThat(virtualServiceApplies(kept.resolve("apiservers/primary/audit.log")))
                    .as("server-side applies of the worker VirtualService in primary's audit log")
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(kept.resolve("apiservers/burst/kube-apiserver.log")).isRegularFile();
            assertThat(kept.resolve("etcd/etcd.log")).isRegularFile();
        } finally {
            run.stop(Duration.ofSeconds(60));
            runner.shutdownNow();
        }
    }

    /** The audit log's patches of the worker VirtualService by the controller's user: its server-side applies. */
    private static List<JsonNode> virtualServiceApplies(Path auditLog) throws IOException {
        List<JsonNode> applies = new ArrayList<>();
        for (String line : Files.readAllLines(auditLog)) {
            JsonNode event = JSON.readTree(line);
            if (event.path("verb").asText().equals("patch")
                    && event.path("user").path("username").asText().equals(LocalApiServer.CONTROLLER_USER)
                    && event.path("objectRef").path("resource").asText().equals("virtualservices")
                    && event.path("objectRef").path("name").asText().equals("worker-virtual-service")) {
                applies.add(event);
            }
        }
        return applies;
    }

    private static List<String> appliedWeights(List<DemoEvent> events) {
        return events.stream().filter(event -> event.type().equals("applied"))
                .map(event -> event.fields().get("primaryWeight") + "/" + event.fields().get("burstWeight"))
                .toList();
    }
}
