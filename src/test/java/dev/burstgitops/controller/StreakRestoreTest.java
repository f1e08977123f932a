package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.decision.Decision;
import dev.burstgitops.metrics.MetricsHistory;
import dev.burstgitops.metrics.PrometheusEndpoint;
import dev.burstgitops.metrics.PrometheusMetricsHistory;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.PrometheusGaugeSeries;
import dev.burstgitops.testing.PrometheusServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst loop that starts (a restart, a new leader) carries on the enterFor progress of the
 * past window, read from the real Prometheus' history: a restart neither delays nor skips a change.
 */
class StreakRestoreTest {

    /** The moment of the restart, inside the backfilled history. */
    private static final Instant RESTART = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    private static final String POLICY = "interval: 5s\nenterFor: 30s";

    @TempDir
    Path dir;

    private PrometheusServer prometheus;
    private BurstLoopFixture fixture;

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        prometheus.close();
    }

    @Test
    void aRateAboveTheBandForTheWholeWindowBeforeTheRestartEntersBurstOnTheFirstPass() throws Exception {
        // 5 req/s, then 20 req/s for the 40 s before the restart.
        start(secondsBefore -> secondsBefore > 40 ? 5.0 : 20.0);

        PassResult first = fixture.pass();

        assertThat(first.decision()).isInstanceOf(Decision.Change.class);
        assertThat(first.commit()).isPresent();
        assertThat(fixture.remoteFile(BurstLoopFixture.VS_FILE)).contains("weight: 100");
    }

    @Test
    void aStreakBrokenInsideTheWindowIsNotCountedSoTheRestartSkipsNothing() throws Exception {
        // 20 req/s, a dip into the band 12 s before the restart, 20 again for the last 8 s.
        start(secondsBefore -> secondsBefore > 12 || secondsBefore <= 8 ? 20.0 : 12.0);

        PassResult first = fixture.pass();

        assertThat(first.decision()).isInstanceOf(Decision.Stay.class);
        assertThat(first.decision().reason()).contains("for 5s of 30s needed");
    }

    @Test
    void withoutHistoryTheFirstPassStartsTheWindowAfresh() throws Exception {
        prometheus = PrometheusServer.startWithHistory(List.of(series(secondsBefore -> 20.0)));
        fixture = new BurstLoopFixture(dir, POLICY, Optional.empty());
        fixture.clock.set(RESTART);
        fixture.rate.set(20.0);

        assertThat(fixture.pass().decision().reason()).contains("for 0s of 30s needed");
    }

    private void start(Function<Long, Double> rateSecondsBeforeRestart) throws Exception {
        prometheus = PrometheusServer.startWithHistory(List.of(series(rateSecondsBeforeRestart)));
        MetricsHistory history = new PrometheusMetricsHistory(PrometheusEndpoint.of(prometheus.uri(), Duration.ofSeconds(5)));
        fixture = new BurstLoopFixture(dir, POLICY, Optional.of(history));
        fixture.clock.set(RESTART);
        fixture.rate.set(20.0);
    }

    private static PrometheusGaugeSeries series(Function<Long, Double> rateSecondsBeforeRestart) {
        TreeMap<Instant, Double> points = new TreeMap<>();
        for (long s = -300; s <= 60; s++) {
            points.put(RESTART.plusSeconds(s), rateSecondsBeforeRestart.apply(-s));
        }
        return new PrometheusGaugeSeries("worker_rate", Map.of(), points);
    }
}
