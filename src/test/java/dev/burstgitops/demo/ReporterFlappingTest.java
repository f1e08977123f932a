package dev.burstgitops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.record.DecisionRecord;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why the reference query is source-reported, shown on the demo's real peers. The traffic
 * generator exposes only what the primary's Prometheus scrapes on today's Istio
 * ({@link PrimaryTelemetry}): the frontend's source-reported requests, and the primary worker's
 * destination-reported ones. Under a steady 20 req/s, above the 15 req/s threshold throughout,
 * a destination-reported query loses the requests the burst cluster serves as soon as the
 * controller sends them there, and returns to natural; the source-reported query keeps seeing
 * the offered load and stays in burst.
 *
 * <p>Both run over a 4 s window (4 scrapes of 1 s, the least {@code validate} accepts) with
 * {@code exitFor: 2s} and {@code cooldown: 3s}: a destination query is back in natural a few
 * seconds after the burst (about 5 s here), so the flapping run stops as soon as it has gone
 * back, and the holding run is watched for {@link #HOLD} after its burst, three times that.
 */
@Tag("wall-clock")
class ReporterFlappingTest {

    private static final Path STEADY_RUSH = Path.of("src/test/resources/demo/steady-rush-scenario.yaml");
    private static final String DESTINATION_QUERY = "sum(rate(istio_requests_total{reporter=\"destination\","
            + "destination_service=\"worker-service.default.svc.cluster.local\","
            + "source_workload=\"frontend-deployment\"}[4s]))";
    private static final String SOURCE_QUERY = DemoConfigFile.WORKER_QUERY.replace("[1m]", "[4s]");
    /** How long the burst holds with the source query, and the most the destination query's burst lasts. */
    private static final Duration HOLD = Duration.ofSeconds(15);
    /** Starting the peers (etcd, two API servers, Prometheus) and the first burst, on a busy machine. */
    private static final Duration FIRST_BURST_WITHIN = Duration.ofSeconds(90);

    private Path prometheus;
    private PeerBinaries kubernetes;
    private final DemoRun run = new DemoRun();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private Future<DemoResult> running;

    @BeforeEach
    void findPeers() {
        prometheus = LocalPrometheus.findBinary()
                .orElseThrow(() -> new IllegalStateException("needs prometheus: " + LocalPrometheus.INSTALL_COMMAND));
        kubernetes = PeerBinaries.installed();
    }

    @AfterEach
    void stopTheRun() throws InterruptedException {
        if (running != null) {
            run.stop(Duration.ofSeconds(60));
        }
        runner.shutdownNow();
    }

    @Test
    void aDestinationReportedQueryLosesTheRequestsServedInBurstAndFlapsBackToNaturalUnderASteadyLoad()
            throws Exception {
        start(DESTINATION_QUERY);

        await("burst, then back to natural").atMost(FIRST_BURST_WITHIN.plus(HOLD))
                .pollInterval(Duration.ofMillis(250)).until(() -> commits().size() >= 2 || running.isDone());
        DemoResult result = stop();

        assertThat(modeChanges(result)).startsWith("natural -> burst", "burst -> natural");
        // The load never fell: what fell is the part of it the primary's Prometheus can see.
        assertThat(Double.parseDouble(result.history().get(1).observed())).isLessThan(DemoConfigFile.EXIT_BELOW);
        List<DemoEvent> commits = result.eventsOf("commit");
        assertThat(commits.get(1).at().minus(commits.get(0).at())).as("time in burst").isLessThan(HOLD);
    }

    @Test
    void theSourceReportedQueryKeepsSeeingTheOfferedLoadAndStaysInBurstUnderASteadyLoad() throws Exception {
        start(SOURCE_QUERY);

        await("burst").atMost(FIRST_BURST_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> !commits().isEmpty() || running.isDone());
        if (running.isDone()) {
            running.get(); // the run's own failure, rather than a wait that cannot succeed
        }
        await("still in burst").during(HOLD).atMost(HOLD.plusSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> commits().size() == 1);
        DemoResult result = stop();

        assertThat(modeChanges(result)).containsExactly("natural -> burst");
        assertThat(result.summary().finalWeights()).contains(RouteWeights.BURST);
        assertThat(result.summary().resultsByPrefix().get("bursty-")).as("requests the burst worker served")
                .isPositive();
        assertThat(result.eventsOf("status")).filteredOn(event -> "burst".equals(event.fields().get("mode")))
                .extracting(event -> (Double) event.fields().get("observed"))
                .isNotEmpty()
                .allSatisfy(observed -> assertThat(observed).isGreaterThan(DemoConfigFile.EXIT_BELOW));
    }

    /** Starts the demo on the steady rush, measuring with {@code query}, until {@link #stop()}. */
    private void start(String query) {
        DemoOptions options = new DemoOptions(FIRST_BURST_WITHIN.plus(HOLD).multipliedBy(2),
                DemoScenarioReader.read(STEADY_RUSH), Optional.empty(), false, query);
        running = runner.submit(() -> run.run(options, prometheus, kubernetes, new PrintWriter(new StringWriter())));
    }

    /** Stops the run the way Ctrl-C does, and takes what it reports. */
    private DemoResult stop() throws Exception {
        run.stop(Duration.ofSeconds(60));
        return running.get(60, TimeUnit.SECONDS);
    }

    private List<DemoEvent> commits() {
        return run.eventsSoFar().stream().filter(event -> event.type().equals("commit")).toList();
    }

    private static List<String> modeChanges(DemoResult result) {
        return result.history().stream().filter(DecisionRecord::changedMode)
                .map(record -> record.from() + " -> " + record.to()).toList();
    }
}
