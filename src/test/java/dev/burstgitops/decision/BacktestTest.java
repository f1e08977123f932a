package dev.burstgitops.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The backtest replays a policy one poll at a time through the controller's own deciders, taking
 * each change as committed when decided; these drive it with a clock by hand, one poll every 10 s.
 */
class BacktestTest {

    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(10);

    private static Backtest spillover(Duration enterFor, Duration exitFor, Duration cooldown,
                                      MissingDataPolicy onMissingData) {
        SpilloverRule rule = new SpilloverRule(100, 10, 100, enterFor, exitFor, cooldown, onMissingData);
        return new Backtest(BacktestRule.spillover(new SpilloverDecider(rule), 0), T0);
    }

    /** Polls at T0, T0 + 10 s, …: each change as "seconds after T0: from -> to". */
    private static List<String> replay(Backtest backtest, Observation... polls) {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < polls.length; i++) {
            backtest.observe(polls[i], T0.plus(POLL.multipliedBy(i))).ifPresent(change -> changes.add(
                    Duration.between(T0, change.at()).toSeconds() + "s: " + change.fromLabel() + " -> "
                            + change.toLabel()));
        }
        return changes;
    }

    private static Observation[] rates(double... perSecond) {
        Observation[] polls = new Observation[perSecond.length];
        for (int i = 0; i < perSecond.length; i++) {
            polls[i] = Observation.rate(perSecond[i]);
        }
        return polls;
    }

    private static Instant seconds(long s) {
        return T0.plusSeconds(s);
    }

    @Test
    void aSpilloverReplayMovesTheShareAfterItsWindowsAndNotBeforeTheCooldownHasPassed() {
        Backtest backtest = spillover(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60),
                MissingDataPolicy.HOLD);

        List<String> changes = replay(backtest, rates(
                50, 150, 150, 150,                 // 40% called for from 10 s: enterFor 20 s is met at 30 s
                200, 200, 200, 200, 200, 200,      // 50% from 40 s, met at 60 s, but the cooldown runs to 90 s
                120, 120, 120, 120, 120, 120));    // 20% from 100 s, met at 130 s, cooldown to 150 s

        assertThat(changes).containsExactly("30s: 0% -> 40%", "90s: 40% -> 50%", "150s: 50% -> 20%");
        Backtest.Summary summary = backtest.summary(seconds(160));
        assertThat(summary.changes()).isEqualTo(3);
        assertThat(summary.timeInEach()).containsExactly(entry("0%", Duration.ofSeconds(30)),
                entry("20%", Duration.ofSeconds(10)), entry("40%", Duration.ofSeconds(60)),
                entry("50%", Duration.ofSeconds(60)));
        // Share 0 is natural and any other share burst, as in the commits' Burst-Decision.
        assertThat(summary.timeIn()).containsOnly(entry(Mode.NATURAL, Duration.ofSeconds(30)),
                entry(Mode.BURST, Duration.ofSeconds(130)));
    }

    @Test
    void aSpilloverChangeCarriesItsShareTheRuleAndWhatWasObserved() {
        Backtest backtest = spillover(Duration.ZERO, Duration.ZERO, Duration.ZERO, MissingDataPolicy.HOLD);

        Backtest.Change change = backtest.observe(Observation.rate(150), T0).orElseThrow();

        assertThat(change.share()).contains(new ShareMove(0, 40));
        assertThat(change.from()).isEqualTo(Mode.NATURAL);
        assertThat(change.to()).isEqualTo(Mode.BURST);
        assertThat(change.rule()).isEqualTo("capacity 100 req/s, step 10%");
        assertThat(change.observed().describe()).isEqualTo("150 req/s");
    }

    @Test
    void noDataUnderOnMissingDataNaturalCallsForShareZeroAndStillWaitsExitFor() {
        Backtest backtest = spillover(Duration.ZERO, Duration.ofSeconds(20), Duration.ZERO, MissingDataPolicy.NATURAL);

        List<String> changes = replay(backtest, Observation.rate(150), Observation.noData(), Observation.noData(),
                Observation.noData());

        assertThat(changes).containsExactly("0s: 0% -> 40%", "30s: 40% -> 0%");
    }

    @Test
    void noDataUnderOnMissingDataHoldAndFailedQueriesKeepTheShare() {
        Backtest backtest = spillover(Duration.ZERO, Duration.ofSeconds(20), Duration.ZERO, MissingDataPolicy.HOLD);

        List<String> changes = replay(backtest, Observation.rate(150), Observation.noData(), Observation.noData(),
                Observation.failed("connection refused"), Observation.noData());

        assertThat(changes).containsExactly("0s: 0% -> 40%");
        assertThat(backtest.summary(seconds(50)).timeInEach())
                .containsExactly(entry("0%", Duration.ZERO), entry("40%", Duration.ofSeconds(50)));
    }

    @Test
    void aBandReplayIsLabelledInModesAndCountsBothEvenWhenItNeverBursts() {
        BurstRule rule = new BurstRule(15, 10, Duration.ZERO, Duration.ZERO, Duration.ZERO, MissingDataPolicy.HOLD);
        Backtest backtest = new Backtest(BacktestRule.band(new HysteresisDecider(rule), Mode.NATURAL), T0);

        assertThat(replay(backtest, rates(5, 12, 8))).isEmpty();
        Backtest.Summary quiet = backtest.summary(seconds(30));
        assertThat(quiet.timeInEach()).containsExactly(entry("natural", Duration.ofSeconds(30)),
                entry("burst", Duration.ZERO));
        assertThat(quiet.timeInShare()).isEmpty();

        Backtest.Change change = backtest.observe(Observation.rate(20), seconds(30)).orElseThrow();
        assertThat(change.fromLabel() + " -> " + change.toLabel()).isEqualTo("natural -> burst");
        assertThat(change.share()).isEqualTo(Optional.empty());
        assertThat(change.rule()).isEqualTo("> 15 req/s for 0s");
    }
}
