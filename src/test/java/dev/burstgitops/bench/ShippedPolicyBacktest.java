package dev.burstgitops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.policy.Simulation;
import dev.burstgitops.decision.Backtest;
import dev.burstgitops.decision.DurationText;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.metrics.PrometheusEndpoint;
import dev.burstgitops.metrics.PrometheusMetricsHistory;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.PrometheusGaugeSeries;
import dev.burstgitops.testing.PrometheusServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backtest for docs/backtest.md, not a test of the suite (tag "benchmark"): one synthetic noisy
 * day of offered load, written into the real Prometheus, replayed with {@code simulate}'s code
 * through the codelab's plain rule and through the policy this repository ships. It prints the
 * changes each would have committed. Deterministic: the noise has a fixed seed.
 */
@Tag("benchmark")
class ShippedPolicyBacktest {

    private static final Instant DAY = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS);
    private static final Duration SCRAPE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void theShippedPolicyCommitsFarFewerChangesThanThePlainRuleOnANoisyDay() throws Exception {
        try (PrometheusServer prometheus = PrometheusServer.startWithHistory(List.of(noisyDay()))) {
            PrometheusMetricsHistory history = new PrometheusMetricsHistory(
                    PrometheusEndpoint.of(prometheus.uri(), Duration.ofSeconds(30)));
            // The codelab: every second, a 15 s window, no sustain windows, no cooldown.
            Result plain = replay(history, "avg_over_time(worker_offered_rps[15s])", "interval: 1s");
            // This repository's apps/burst-gitops/configmap.yaml: a [1m] window, exitFor 30s, cooldown 60s.
            Result shipped = replay(history, "avg_over_time(worker_offered_rps[1m])",
                    "interval: 1s\nexitFor: 30s\ncooldown: 60s");

            System.out.printf("%nbacktest over %s .. %s (synthetic noisy day, seed 42, one sample per %ss)%n",
                    DAY, DAY.plus(Duration.ofDays(1)), SCRAPE.toSeconds());
            print("codelab rule (>15 / <10, [15s], no windows)", plain);
            print("shipped policy (>15 / <10, [1m], exitFor 30s, cooldown 60s)", shipped);
            assertThat(shipped.summary.changes()).isLessThan(plain.summary.changes());
        }
    }

    private record Result(Backtest.Summary summary, List<Backtest.Change> changes, Duration shortestBurst) {
    }

    private Result replay(PrometheusMetricsHistory history, String query, String policyLines) throws Exception {
        Path config = ConfigYaml.forRemote("file:///nowhere").prometheus("http://127.0.0.1:9")
                .workerPolicy(query, policyLines.split("\n")).writeTo(dir.resolve("policy-" + query.hashCode() + ".yaml"));
        PolicyConfig policy = ConfigLoader.load(config).policies().get(0);
        List<Backtest.Change> changes = new ArrayList<>();
        Instant end = DAY.plus(Duration.ofDays(1));
        // The controller polls every second; data changes once a scrape, so a 5 s step loses little.
        Backtest.Summary summary = Simulation.run(history, policy, DAY, end, Duration.ofSeconds(5), changes::add);
        Duration shortest = null;
        for (int i = 0; i + 1 < changes.size(); i++) {
            if (changes.get(i).to() == Mode.BURST) {
                Duration burst = Duration.between(changes.get(i).at(), changes.get(i + 1).at());
                shortest = shortest == null || burst.compareTo(shortest) < 0 ? burst : shortest;
            }
        }
        return new Result(summary, changes, shortest);
    }

    private static void print(String label, Result result) {
        Backtest.Summary summary = result.summary;
        System.out.printf("  %-62s %4d commits, burst %s, natural %s, shortest burst %s%n", label, summary.changes(),
                DurationText.format(summary.timeIn().getOrDefault(Mode.BURST, Duration.ZERO)),
                DurationText.format(summary.timeIn().getOrDefault(Mode.NATURAL, Duration.ZERO)),
                result.shortestBurst == null ? "-" : DurationText.format(result.shortestBurst));
    }

    /**
     * Offered load over a day: 5 req/s at night rising to 12 by day, a lunch rush and an evening
     * rush that cross 15 req/s, and noise of a few req/s on every scrape.
     */
    private static PrometheusGaugeSeries noisyDay() {
        Random noise = new Random(42);
        TreeMap<Instant, Double> points = new TreeMap<>();
        for (Instant at = DAY; !at.isAfter(DAY.plus(Duration.ofDays(1))); at = at.plus(SCRAPE)) {
            double hour = Duration.between(DAY, at).toSeconds() / 3600.0;
            double daylight = 5 + 7 * Math.max(0, Math.sin(Math.PI * (hour - 6) / 14));
            double lunch = 7 * Math.exp(-Math.pow((hour - 12.5) / 0.6, 2));
            double evening = 9 * Math.exp(-Math.pow((hour - 19.5) / 0.9, 2));
            double rate = Math.max(0, daylight + lunch + evening + noise.nextGaussian() * 2.5);
            points.put(at, Math.round(rate * 100) / 100.0);
        }
        return new PrometheusGaugeSeries("worker_offered_rps", Map.of(), points);
    }
}
