package dev.burstgitops.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HysteresisDeciderTest {

    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");
    private static final BurstRule REFERENCE = new BurstRule(15, 10, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, MissingDataPolicy.HOLD);

    static Stream<Arguments> onePollOfTheReferenceRule() {
        return Stream.of(
                Arguments.of(Mode.NATURAL, Observation.rate(20), Mode.BURST),
                Arguments.of(Mode.NATURAL, Observation.rate(15), Mode.NATURAL),
                Arguments.of(Mode.NATURAL, Observation.rate(12), Mode.NATURAL),
                Arguments.of(Mode.NATURAL, Observation.rate(5), Mode.NATURAL),
                Arguments.of(Mode.BURST, Observation.rate(20), Mode.BURST),
                Arguments.of(Mode.BURST, Observation.rate(12), Mode.BURST),
                Arguments.of(Mode.BURST, Observation.rate(10), Mode.BURST),
                Arguments.of(Mode.BURST, Observation.rate(5), Mode.NATURAL),
                Arguments.of(Mode.BURST, Observation.noData(), Mode.BURST),
                Arguments.of(Mode.BURST, Observation.failed("connection refused"), Mode.BURST),
                Arguments.of(Mode.NATURAL, Observation.failed("connection refused"), Mode.NATURAL),
                Arguments.of(Mode.UNKNOWN, Observation.rate(20), Mode.BURST),
                Arguments.of(Mode.UNKNOWN, Observation.rate(5), Mode.NATURAL),
                Arguments.of(Mode.UNKNOWN, Observation.rate(12), Mode.UNKNOWN),
                Arguments.of(Mode.UNKNOWN, Observation.failed("timeout"), Mode.UNKNOWN));
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @MethodSource("onePollOfTheReferenceRule")
    void entersAboveFifteenAndLeavesBelowTenWithNothingInBetween(Mode current, Observation seen, Mode expected) {
        Decision decision = new HysteresisDecider(REFERENCE)
                .decide(Situation.of(current), seen, Streak.none(), T0).decision();

        assertThat(decision.to()).isEqualTo(expected);
        assertThat(decision instanceof Decision.Change).isEqualTo(expected != current);
        assertThat(decision.reason()).isNotBlank();
    }

    @Test
    void changeCarriesTheRuleThatFiredAndAReadableReason() {
        Decision decision = new HysteresisDecider(REFERENCE)
                .decide(Situation.of(Mode.NATURAL), Observation.rate(20.04), Streak.none(), T0).decision();

        assertThat(decision).isInstanceOfSatisfying(Decision.Change.class, change -> {
            assertThat(change.rule()).isEqualTo("> 15 req/s for 0s");
            assertThat(change.reason()).isEqualTo("20.04 req/s is above 15 req/s for 0s (> 15 req/s for 0s)");
            assertThat(change.hold()).isEmpty();
        });
    }

    @Test
    void staysNaturalUntilTheRateHoldsAboveTheThresholdForEnterFor() {
        Ticker ticker = new Ticker(rule(Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO), Mode.NATURAL);

        assertThat(ticker.poll(20).to()).isEqualTo(Mode.NATURAL);
        ticker.advance(Duration.ofSeconds(5));
        Decision halfway = ticker.poll(21);
        assertThat(halfway.to()).isEqualTo(Mode.NATURAL);
        assertThat(halfway.reason()).contains("for 5s of 10s needed");
        ticker.advance(Duration.ofSeconds(5));

        assertThat(ticker.poll(19).to()).isEqualTo(Mode.BURST);
    }

    @Test
    void aPollInsideTheBandRestartsTheEnterForClock() {
        Ticker ticker = new Ticker(rule(Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO), Mode.NATURAL);

        ticker.poll(20);
        ticker.advance(Duration.ofSeconds(8));
        ticker.poll(12);
        ticker.advance(Duration.ofSeconds(1));
        ticker.poll(20);
        ticker.advance(Duration.ofSeconds(9));
        assertThat(ticker.poll(20).to()).isEqualTo(Mode.NATURAL);
        ticker.advance(Duration.ofSeconds(1));
        assertThat(ticker.poll(20).to()).isEqualTo(Mode.BURST);
    }

    @Test
    void aFailedQueryBreaksTheStreakBecausePollsMustBeConsecutive() {
        Ticker ticker = new Ticker(rule(Duration.ZERO, Duration.ofSeconds(30), Duration.ZERO), Mode.BURST);

        ticker.poll(5);
        ticker.advance(Duration.ofSeconds(20));
        ticker.observe(Observation.failed("timeout"));
        ticker.advance(Duration.ofSeconds(20));
        assertThat(ticker.poll(5).to()).isEqualTo(Mode.BURST);
        ticker.advance(Duration.ofSeconds(30));
        assertThat(ticker.poll(5).to()).isEqualTo(Mode.NATURAL);
    }

    @Test
    void cooldownBlocksASecondChangeUntilItHasPassedSinceTheLastOne() {
        BurstRule rule = rule(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60));
        Situation justChanged = Situation.of(Mode.BURST).withLastChange(T0.minusSeconds(45));
        HysteresisDecider decider = new HysteresisDecider(rule);

        Decision blocked = decider.decide(justChanged, Observation.rate(5), Streak.none(), T0).decision();
        Decision allowed = decider.decide(justChanged, Observation.rate(5), Streak.none(), T0.plusSeconds(15))
                .decision();

        assertThat(blocked.to()).isEqualTo(Mode.BURST);
        assertThat(blocked.reason()).contains("cooldown of 1m").contains("runs until 2026-11-27T06:00:15Z");
        assertThat(allowed.to()).isEqualTo(Mode.NATURAL);
    }

    @Test
    void missingDataHoldsTheModeUnderHold() {
        Decision decision = new HysteresisDecider(REFERENCE)
                .decide(Situation.of(Mode.BURST), Observation.noData(), Streak.none(), T0).decision();

        assertThat(decision).isInstanceOf(Decision.Stay.class);
        assertThat(decision.reason()).isEqualTo("no data, holding burst (onMissingData: hold)");
    }

    @Test
    void missingDataCountsAsBelowUnderNaturalAndStillWaitsForExitFor() {
        BurstRule rule = new BurstRule(15, 10, Duration.ZERO, Duration.ofSeconds(30), Duration.ZERO,
                MissingDataPolicy.NATURAL);
        Ticker ticker = new Ticker(rule, Mode.BURST);

        assertThat(ticker.observe(Observation.noData()).to()).isEqualTo(Mode.BURST);
        ticker.advance(Duration.ofSeconds(30));
        Decision decision = ticker.observe(Observation.noData());

        assertThat(decision.to()).isEqualTo(Mode.NATURAL);
        assertThat(decision.reason()).startsWith("no data counts as below 10 req/s for 30s");
    }

    @Test
    void aFailedQueryNeverChangesTheModeEvenUnderOnMissingDataNatural() {
        BurstRule rule = new BurstRule(15, 10, Duration.ZERO, Duration.ZERO, Duration.ZERO, MissingDataPolicy.NATURAL);

        Decision decision = new HysteresisDecider(rule)
                .decide(Situation.of(Mode.BURST), Observation.failed("HTTP 503"), Streak.none(), T0).decision();

        assertThat(decision.to()).isEqualTo(Mode.BURST);
        assertThat(decision.reason()).isEqualTo("metric query failed, holding burst: HTTP 503");
    }

    @Test
    void unknownWeightsInsideTheBandAreLeftAsTheyAre() {
        Decision decision = new HysteresisDecider(REFERENCE)
                .decide(Situation.of(Mode.UNKNOWN), Observation.rate(12), Streak.none(), T0).decision();

        assertThat(decision).isInstanceOf(Decision.Stay.class);
        assertThat(decision.reason()).contains("neither natural nor burst: leaving them as they are");
    }

    @Test
    void anOverrideInForceWinsOverTheMetricAndTheCooldown() {
        Hold hold = new Hold(Mode.BURST, T0.plusSeconds(3600), "Black Friday", "overrides/worker.yaml");
        Situation situation = Situation.of(Mode.NATURAL).withLastChange(T0.minusSeconds(1)).withHold(hold);
        BurstRule slow = rule(Duration.ZERO, Duration.ZERO, Duration.ofHours(1));

        Decision decision = new HysteresisDecider(slow).decide(situation, Observation.rate(5), Streak.none(), T0)
                .decision();

        assertThat(decision).isInstanceOfSatisfying(Decision.Change.class, change -> {
            assertThat(change.to()).isEqualTo(Mode.BURST);
            assertThat(change.hold()).contains(hold);
            assertThat(change.reason()).contains("overrides/worker.yaml holds burst").contains("Black Friday");
        });
    }

    @Test
    void anOverrideHoldsNaturalAtTwentyRequestsPerSecond() {
        Hold hold = new Hold(Mode.NATURAL, T0.plusSeconds(60), "burst cluster upgrade", "overrides/worker.yaml");

        Decision decision = new HysteresisDecider(REFERENCE)
                .decide(Situation.of(Mode.NATURAL).withHold(hold), Observation.rate(20), Streak.none(), T0)
                .decision();

        assertThat(decision).isInstanceOf(Decision.Stay.class);
        assertThat(decision.to()).isEqualTo(Mode.NATURAL);
    }

    @Test
    void anExpiredOverrideNoLongerCounts() {
        Hold expired = new Hold(Mode.NATURAL, T0, "done", "overrides/worker.yaml");

        Decision decision = new HysteresisDecider(REFERENCE)
                .decide(Situation.of(Mode.NATURAL).withHold(expired), Observation.rate(20), Streak.none(), T0)
                .decision();

        assertThat(decision.to()).isEqualTo(Mode.BURST);
        assertThat(((Decision.Change) decision).hold()).isEmpty();
    }

    @Test
    void aBandThatIsEmptyOrInvertedIsRejected() {
        assertThatThrownBy(() -> new BurstRule(10, 10, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                MissingDataPolicy.HOLD)).hasMessage("exitBelow (10) must be below enterAbove (10)");
    }

    @Test
    void aFullDayOfTrafficFlipsOnlyAtTheThresholds() {
        Ticker ticker = new Ticker(rule(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60)), Mode.NATURAL);
        double[] rates = {5, 8, 14, 16, 20, 22, 14, 11, 9, 9, 9, 9, 12, 16, 9, 9, 9, 9, 9};
        StringBuilder modes = new StringBuilder();
        Decision atSixteenAgain = null;
        for (int i = 0; i < rates.length; i++) {
            Decision decision = ticker.poll(rates[i]);
            modes.append(decision.to().label().charAt(0));
            atSixteenAgain = i == 13 ? decision : atSixteenAgain;
            ticker.advance(Duration.ofSeconds(10));
        }

        // Burst at the first 16; the dip to 14 and 11 stays burst (inside the band); back to
        // natural after 30 s below 10 (polls 8 to 11); the second 16, 20 s later, is held
        // back by the 60 s cooldown.
        assertThat(modes).hasToString("nnnbbbbbbbbnnnnnnnn");
        assertThat(atSixteenAgain.reason()).contains("cooldown of 1m");
    }

    private static BurstRule rule(Duration enterFor, Duration exitFor, Duration cooldown) {
        return new BurstRule(15, 10, enterFor, exitFor, cooldown, MissingDataPolicy.HOLD);
    }

    /** Drives the decider poll by poll as the controller does, keeping mode and last change like Git would. */
    private static final class Ticker {
        private final HysteresisDecider decider;
        private Mode mode;
        private Optional<Instant> lastChange = Optional.empty();
        private Streak streak = Streak.none();
        private Instant now = T0;

        Ticker(BurstRule rule, Mode initial) {
            this.decider = new HysteresisDecider(rule);
            this.mode = initial;
        }

        Decision poll(double rate) {
            return observe(Observation.rate(rate));
        }

        Decision observe(Observation observation) {
            Situation situation = new Situation(mode, lastChange, Optional.empty());
            Verdict verdict = decider.decide(situation, observation, streak, now);
            streak = verdict.streak();
            if (verdict.decision() instanceof Decision.Change change) {
                mode = change.to();
                lastChange = Optional.of(now);
            }
            return verdict.decision();
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }
}
