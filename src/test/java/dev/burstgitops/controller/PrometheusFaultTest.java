package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.status.ControllerStatus;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.CapturedLogs;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.PrometheusCounterSeries;
import dev.burstgitops.testing.PrometheusServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite (issue 11): whatever the real Prometheus answers — nothing, a hang, NaN, ±Inf, an
 * empty vector, several series — the burst loop never flips a mode on it. Each test starts the
 * loop in the mode a wrong reading would leave, runs several passes against a real bare remote,
 * and asserts that no commit was made and the weights in Git are the seed's, byte for byte.
 * {@link #aHealthyReadingBelowTheBandDoesFlipBurstToNatural} is the control: the same harness
 * does commit when the reading calls for it.
 */
class PrometheusFaultTest {

    private static final String VS_FILE = ConfigYaml.WORKER_VS_FILE;
    private static final String NATURAL_WEIGHTS = readVirtualService();
    private static final String BURST_WEIGHTS = NATURAL_WEIGHTS.replace("weight: 100", "weight: @")
            .replace("weight: 0", "weight: 100").replace("weight: @", "weight: 0");
    private static final int PASSES = 3;

    /** 20 req/s from the frontend (the reference series), two shards of 6 req/s each, and a counter at rest. */
    private static final String WORKER = PrometheusServer.REFERENCE_WORKER_QUERY;
    private static final String QUIET = WORKER.replace("frontend-deployment", "quiet-frontend");
    private static final String IDLE = "sum(rate(idle_requests_total[1m]))";

    private static PrometheusServer shared;

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startPrometheus() {
        shared = PrometheusServer.start(series());
    }

    @AfterAll
    static void stopPrometheus() {
        shared.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aHealthyReadingBelowTheBandDoesFlipBurstToNatural() throws Exception {
        Loop loop = loop(shared.uri(), QUIET, Mode.BURST, "hold");

        PassResult result = loop.pass();

        assertThat(result.decision().to()).isEqualTo(Mode.NATURAL);
        assertThat(result.commit()).isPresent();
        assertThat(GitRemotes.log(loop.remote)).hasSize(2);
        assertThat(GitRemotes.show(loop.remote, VS_FILE)).isEqualTo(NATURAL_WEIGHTS);
    }

    @Test
    void prometheusDownNeverFlipsBurstToNaturalEvenWhenMissingDataCountsAsNatural() throws Exception {
        try (PrometheusServer down = PrometheusServer.start(series())) {
            down.stop();
            Loop loop = loop(down.uri(), WORKER, Mode.BURST, "natural");

            assertNoFlip(loop, Mode.BURST, "Prometheus query failed at " + down.uri());
        }
    }

    @Test
    void aFrozenPrometheusThatAcceptsButNeverAnswersNeverFlipsBurstToNatural() throws Exception {
        try (PrometheusServer frozen = PrometheusServer.start(series())) {
            long pid = pidOf(frozen);
            signal("STOP", pid);
            try {
                Loop loop = loop(frozen.uri(), WORKER, Mode.BURST, "natural");

                assertNoFlip(loop, Mode.BURST, "no answer within 500 ms");
            } finally {
                signal("CONT", pid);
            }
        }
    }

    @Test
    void nanNeverFlipsBurstToNaturalEvenWhenMissingDataCountsAsNatural() throws Exception {
        // 0/0: a ratio over a counter at rest is NaN in Prometheus' answer: a failed reading, not "no data".
        Loop loop = loop(shared.uri(), IDLE + " / " + IDLE, Mode.BURST, "natural");

        assertNoFlip(loop, Mode.BURST, "the result is NaN");
    }

    @Test
    void oneNanSeriesAmongOthersNeverHidesTheirTrafficOrFlipsTheMode() throws Exception {
        // A shard at 6 req/s beside a NaN series: summed, NaN would read as no data, and "natural" would flip.
        Loop loop = loop(shared.uri(), "rate(istio_requests_total{source_workload=\"shard-a\"}[15s]) or ("
                + IDLE.replace("sum(", "(") + " / " + IDLE.replace("sum(", "(") + ")", Mode.BURST, "natural");

        // Any pass may time out on a loaded machine (500 ms); those that answer name the NaN series.
        assertThat(assertNoFlip(loop, Mode.BURST, "")).anySatisfy(result -> assertThat(result.summary())
                .contains("series 2 of 2 {job=\"idle\"} is NaN"));
    }

    @Test
    void aNegativeRateNeverEndsABurst() throws Exception {
        // What delta() across a counter reset gives: below exitBelow, were it taken as a rate.
        Loop loop = loop(shared.uri(), "-" + WORKER, Mode.BURST, "hold");

        assertNoFlip(loop, Mode.BURST, "is negative (-20.0)");
    }

    @Test
    void plusInfinityNeverFlipsNaturalToBurst() throws Exception {
        // 20 req/s divided by a rate of 0: +Inf, far "above" enterAbove if it were taken as a rate.
        Loop loop = loop(shared.uri(), WORKER + " / " + IDLE, Mode.NATURAL, "hold");

        assertNoFlip(loop, Mode.NATURAL, "is +Inf");
    }

    @Test
    void minusInfinityNeverFlipsBurstToNatural() throws Exception {
        Loop loop = loop(shared.uri(), "-" + WORKER + " / " + IDLE, Mode.BURST, "natural");

        assertNoFlip(loop, Mode.BURST, "is -Inf");
    }

    @Test
    void anEmptyResultNeverFlipsBurstToNaturalUnderHold() throws Exception {
        Loop loop = loop(shared.uri(), WORKER.replace("frontend-deployment", "nobody"), Mode.BURST, "hold");

        assertNoFlip(loop, Mode.BURST, "no data");
    }

    @Test
    void severalSeriesAreSummedSoOneShardBelowTheBandNeverFlipsBurstToNatural() throws Exception {
        // Two shards at 6 req/s: 12 together, inside the band. Either one alone would be below exitBelow (10).
        Loop loop = loop(shared.uri(), "rate(istio_requests_total{source_workload=~\"shard-.*\"}[15s])",
                Mode.BURST, "hold");

        List<PassResult> results = assertNoFlip(loop, Mode.BURST, "");
        assertThat(results).allSatisfy(result -> assertThat(result.decision().observed().describe())
                .startsWith("12"));
    }

    /**
     * Issue 11, "a failing Prometheus is not logged and leaves lastError null": the pass whose
     * query fails is logged at WARN when the failure starts, and {@code /status} carries it as the
     * policy's {@code lastError} while the mode holds.
     */
    @Test
    void aFailingPrometheusIsLoggedAndShowsAsTheLastErrorOfThePolicyWhileTheModeHolds() throws Exception {
        try (PrometheusServer down = PrometheusServer.start(series()); CapturedLogs logs = CapturedLogs.capture()) {
            down.stop();
            Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(VS_FILE, BURST_WEIGHTS));
            BurstGitopsConfig config = ConfigLoader.load(ConfigYaml.forRemote(remote.toUri())
                    .section("prometheus:\n  url: '" + down.uri() + "'\n  timeout: 500ms")
                    .workerPolicy(WORKER, "interval: 200ms", "onMissingData: natural")
                    .writeTo(dir.resolve("burst-gitops.yaml")));
            Controller controller = Controller.create(config, Clock.systemUTC());
            opened.add(controller);

            controller.start();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                ControllerStatus.PolicyView worker = controller.status().snapshot().policies().get("worker");
                assertThat(worker).isNotNull();
                assertThat(worker.mode()).isEqualTo("burst");
                assertThat(worker.lastError()).hasValueSatisfying(error -> assertThat(error)
                        .contains("Prometheus query failed at " + down.uri()));
            });
            assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN ") || line.startsWith("ERROR "))
                    .anySatisfy(line -> assertThat(line).contains("Prometheus query failed at " + down.uri()));
            assertThat(GitRemotes.log(remote)).hasSize(1);
        }
    }

    /**
     * Runs {@link #PASSES} passes: each keeps {@code mode}, commits nothing, and Git still holds the
     * seed; {@code said} is in each pass's summary (what was observed and why nothing changed).
     */
    private List<PassResult> assertNoFlip(Loop loop, Mode mode, String said) throws Exception {
        String seeded = GitRemotes.show(loop.remote, VS_FILE);
        List<GitLoggedCommit> before = GitRemotes.log(loop.remote);
        List<PassResult> results = new ArrayList<>();
        for (int i = 0; i < PASSES; i++) {
            results.add(loop.pass());
        }
        assertThat(results).allSatisfy(result -> {
            assertThat(result.decision().from()).isEqualTo(mode);
            assertThat(result.decision().to()).as(result.summary()).isEqualTo(mode);
            assertThat(result.commit()).isEmpty();
            assertThat(result.summary()).contains(said);
        });
        assertThat(GitRemotes.log(loop.remote)).isEqualTo(before);
        assertThat(GitRemotes.show(loop.remote, VS_FILE)).isEqualTo(seeded);
        return results;
    }

    private Loop loop(URI prometheus, String query, Mode start, String onMissingData) throws Exception {
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"),
                Map.of(VS_FILE, start == Mode.BURST ? BURST_WEIGHTS : NATURAL_WEIGHTS));
        BurstGitopsConfig config = ConfigLoader.load(ConfigYaml.forRemote(remote.toUri())
                .section("prometheus:\n  url: '" + prometheus + "'\n  timeout: 500ms")
                .workerPolicy(query.replace("'", "''"), "onMissingData: " + onMissingData)
                .writeTo(dir.resolve("burst-gitops.yaml")));
        JGitWorkspace workspace = Adapters.workspace(config, Clock.systemUTC());
        opened.add(workspace);
        return new Loop(remote, BurstLoop.create(config, Adapters.prometheus(config), workspace, Clock.systemUTC()));
    }

    private record Loop(Path remote, BurstLoop loop) {
        PassResult pass() throws Exception {
            return loop.passes().get(0).run();
        }
    }

    private static List<PrometheusCounterSeries> series() {
        return List.of(PrometheusCounterSeries.referenceWorker(20),
                PrometheusCounterSeries.referenceWorker(5).withLabel("source_workload", "quiet-frontend"),
                PrometheusCounterSeries.referenceWorker(6).withLabel("source_workload", "shard-a"),
                PrometheusCounterSeries.referenceWorker(6).withLabel("source_workload", "shard-b"),
                new PrometheusCounterSeries("idle_requests_total", Map.of("job", "idle"), 0));
    }

    /** The Prometheus child process of this JVM listening on the server's port. */
    private static long pidOf(PrometheusServer server) {
        String listen = "--web.listen-address=" + server.uri().getHost() + ":" + server.uri().getPort();
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(listen))
                .findFirst().orElseThrow(() -> new AssertionError("no Prometheus process with " + listen)).pid();
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private static String readVirtualService() {
        try {
            return Files.readString(Path.of(VS_FILE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
