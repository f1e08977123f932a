package dev.burstgitops.controller;

import static dev.burstgitops.controller.BurstLoopFixture.VS_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.controller.Adapters;
import dev.burstgitops.controller.BurstLoop;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.metrics.MetricsHistory;
import dev.burstgitops.metrics.PrometheusEndpoint;
import dev.burstgitops.metrics.PrometheusMetricsHistory;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.CapturedLogs;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.MutableClock;
import dev.burstgitops.testing.PrometheusGaugeSeries;
import dev.burstgitops.testing.PrometheusServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spillover policy's burst loop that restarts carries on the window progress of its share
 * streak, read from the real Prometheus' history, against the share the repository holds: each
 * test runs one controller that keeps running, one restarted with the restore and one restarted
 * without it, on the same offered load (the live metric and the history are one function of time).
 */
class SpilloverStreakRestoreTest {

    /** The moment of the restart, inside the backfilled history. */
    private static final Instant RESTART = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    /** When the controllers first poll: before anything the tests look at happens. */
    private static final Instant FIRST_POLL = RESTART.minusSeconds(60);
    private static final Instant LAST_POLL = RESTART.plusSeconds(60);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(FIRST_POLL);
    private final List<AutoCloseable> opened = new ArrayList<>();
    private PrometheusServer prometheus;
    private LongFunction<Double> offeredLoad;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void aRestartInTheMiddleOfEnterForCommitsTheShareWhenAControllerThatKeptRunningWould() throws Exception {
        // 50 req/s, then 150 (share 40%) from 20 s before the restart: 10 s of enterFor are left.
        start(secondsBefore -> secondsBefore > 20 ? 50.0 : 150.0);
        String policy = "interval: 5s\nenterFor: 30s";

        List<Instant> keptRunning = keptRunning(policy);
        List<Instant> restored = restarted(policy, Optional.of(history()));
        List<Instant> forgetful = restarted(policy, Optional.empty());

        assertThat(keptRunning).containsExactly(RESTART.plusSeconds(10));
        assertThat(restored).isEqualTo(keptRunning);
        // Without the restore the window starts over at the restart: 20 s late.
        assertThat(forgetful).containsExactly(RESTART.plusSeconds(30));
    }

    @Test
    void aRestartJustAfterAStepDownCountsOnlyThePollsSinceItSoItIsNeitherEarlyNorLate() throws Exception {
        // 150 req/s (40%) until a minute before the restart, 120 (20%) until 30 s before, then 50 (0%).
        // With exitFor 30s the share steps 40% -> 20% 25 s before the restart, and 0% is called for
        // since 30 s before: a restore that counted the polls before the step down would fall to 0%
        // at once, one that forgot them 20 s late.
        start(secondsBefore -> secondsBefore >= 60 ? 150.0 : secondsBefore > 30 ? 120.0 : 50.0);
        String policy = "interval: 5s\nexitFor: 30s\ncooldown: 0s";

        List<Instant> keptRunning = keptRunning(policy);
        List<Instant> restored = restarted(policy, Optional.of(history()));
        List<Instant> forgetful = restarted(policy, Optional.empty());

        assertThat(keptRunning).containsExactly(FIRST_POLL, RESTART.minusSeconds(25), RESTART.plusSeconds(10));
        assertThat(restored).isEqualTo(keptRunning.subList(2, 3));
        assertThat(forgetful).containsExactly(RESTART.plusSeconds(30));
    }

    @Test
    void whenTheHistoryCannotBeReadTheStreakStartsAfreshWithAWarning() throws Exception {
        start(secondsBefore -> 150.0);
        MetricsHistory unreachable = new PrometheusMetricsHistory(
                PrometheusEndpoint.of(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(2)));
        Repository repository = repository("unreachable", "interval: 5s\nenterFor: 30s");
        clock.set(RESTART);

        try (CapturedLogs logs = CapturedLogs.capture()) {
            PassResult first = repository.loop(Optional.of(unreachable)).passes().get(0).run();

            assertThat(first.decision().reason()).contains("calls for share 40%", "for 0s of 30s needed");
            assertThat(logs.linesAt(Level.WARN)).anySatisfy(line -> assertThat(line)
                    .contains("worker: cannot restore the streak from history, starting without one"));
        }
    }

    /** The commit times of a controller that polls every interval from {@link #FIRST_POLL} to {@link #LAST_POLL}. */
    private List<Instant> keptRunning(String policy) throws Exception {
        return poll(repository("kept-running", policy).loop(Optional.empty()), FIRST_POLL, LAST_POLL);
    }

    /**
     * The commit times, from the restart on, of a controller that polled as the one that kept
     * running until the restart, then started a new burst loop restoring from {@code history}.
     */
    private List<Instant> restarted(String policy, Optional<MetricsHistory> history) throws Exception {
        Repository repository = repository("restarted-" + history.isPresent(), policy);
        poll(repository.loop(Optional.empty()), FIRST_POLL, RESTART.minus(INTERVAL));
        return poll(repository.loop(history), RESTART, LAST_POLL);
    }

    /** Runs a pass every interval from {@code first} to {@code last}; the times of the share commits. */
    private List<Instant> poll(BurstLoop loop, Instant first, Instant last) throws Exception {
        List<Instant> commits = new ArrayList<>();
        for (Instant at = first; !at.isAfter(last); at = at.plus(INTERVAL)) {
            clock.set(at);
            PassResult pass = loop.passes().get(0).run();
            if (pass.commit().isPresent()) {
                commits.add(at);
            }
        }
        return commits;
    }

    private void start(LongFunction<Double> rateSecondsBeforeRestart) {
        offeredLoad = rateSecondsBeforeRestart;
        TreeMap<Instant, Double> points = new TreeMap<>();
        for (long s = -300; s <= 60; s++) {
            points.put(RESTART.plusSeconds(s), rateSecondsBeforeRestart.apply(-s));
        }
        prometheus = PrometheusServer.startWithHistory(List.of(new PrometheusGaugeSeries("worker_rate", Map.of(), points)));
    }

    private MetricsHistory history() {
        return new PrometheusMetricsHistory(PrometheusEndpoint.of(prometheus.uri(), Duration.ofSeconds(5)));
    }

    private Repository repository(String name, String policyLines) throws Exception {
        Repository repository = new Repository(dir.resolve(name), policyLines);
        opened.add(repository.workspace);
        return repository;
    }

    /**
     * A bare remote seeded with the reference VirtualService (share 0) and the checkout of the
     * controller deciding on it; a restart is a new burst loop over the same checkout. The live
     * metric is the offered load at the clock's time, the function the history was written from.
     */
    private final class Repository {
        private final BurstGitopsConfig config;
        private final JGitWorkspace workspace;

        Repository(Path dir, String policyLines) throws Exception {
            Path remote = GitRemotes.createBare(dir.resolve("fleet.git"),
                    Map.of(VS_FILE, Files.readString(Path.of(VS_FILE))));
            Path configFile = ConfigYaml.forRemote(remote.toUri()).prometheus("http://127.0.0.1:9")
                    .workerPolicy("worker_rate", policyLines.split("\n")).writeTo(dir.resolve("burst-gitops.yaml"));
            String band = "    enterAbove: 15\n    exitBelow: 10\n";
            String text = Files.readString(configFile);
            assertThat(text).contains(band);
            Files.writeString(configFile, text.replace(band, "    spillover:\n      capacity: 100\n      step: 10\n"));
            config = ConfigLoader.load(configFile);
            workspace = Adapters.workspace(config, clock);
        }

        BurstLoop loop(Optional<MetricsHistory> history) throws Exception {
            return BurstLoop.create(config, promql -> new Sample(
                    offeredLoad.apply(Duration.between(clock.instant(), RESTART).toSeconds()), clock.instant(), 1),
                    history, workspace, clock);
        }
    }
}
