package dev.burstgitops.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpilloverDeciderTest {

    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(10);

    private static SpilloverRule rule(double capacity, int step, int maxBurst, Duration enterFor, Duration exitFor,
                                      Duration cooldown, MissingDataPolicy onMissingData) {
        return new SpilloverRule(capacity, step, maxBurst, enterFor, exitFor, cooldown, onMissingData);
    }

    private static SpilloverRule immediate(double capacity, int step, int maxBurst) {
        return rule(capacity, step, maxBurst, Duration.ZERO, Duration.ZERO, Duration.ZERO, MissingDataPolicy.HOLD);
    }

    static Stream<Arguments> sharesOfTheRule() {
        return Stream.of(
                // capacity, step, maxBurst, observed req/s, share %
                Arguments.of(100, 10, 100, 150.0, 40),   // 33.3% over -> next step up
                Arguments.of(100, 10, 100, 200.0, 50),   // exactly a step: not one more
                Arguments.of(100, 10, 100, 100.0, 0),    // at capacity: nothing to spill
                Arguments.of(100, 10, 100, 40.0, 0),     // below capacity: never negative
                Arguments.of(100, 10, 100, 0.0, 0),
                Arguments.of(100, 10, 100, 100.5, 10),   // a hair over: the smallest step
                Arguments.of(100, 10, 100, 1_000_000.0, 100),
                Arguments.of(100, 10, 60, 1_000.0, 60),  // capped at maxBurst
                Arguments.of(15, 25, 100, 20.0, 25),
                Arguments.of(15, 5, 100, 20.0, 25),
                Arguments.of(15, 1, 100, 20.0, 25),
                Arguments.of(15, 50, 100, 31.0, 100),
                Arguments.of(100, 20, 0, 500.0, 0));     // maxBurst 0: the primary takes everything
    }

    @ParameterizedTest(name = "capacity {0}, step {1}, max {2}: {3} req/s -> {4}%")
    @MethodSource("sharesOfTheRule")
    void theShareIsTheSmallestStepCoveringWhatThePrimaryCannotCarry(double capacity, int step, int maxBurst,
                                                                    double observed, int share) {
        assertThat(immediate(capacity, step, maxBurst).shareFor(observed)).isEqualTo(share);
    }

    @Test
    void aRuleWithAStepThatDoesNotDivideOneHundredOrAMaxBurstOffTheStepsIsRefused() {
        assertThatThrownBy(() -> immediate(100, 30, 90)).hasMessageContaining("step must divide 100");
        assertThatThrownBy(() -> immediate(100, 10, 45)).hasMessageContaining("multiple of step");
        assertThatThrownBy(() -> immediate(0, 10, 100)).hasMessageContaining("capacity must be above 0");
    }

    /** One poll of a table: the rate seen, and the share the weights should hold afterwards. */
    private record Tick(Observation seen, int expectedShare) {
    }

    private static Tick at(double rate, int share) {
        return new Tick(Observation.rate(rate), share);
    }

    private static Tick tick(Observation seen, int share) {
        return new Tick(seen, share);
    }

    /**
     * Drives the decider one poll every {@link #POLL}, committing each change as the controller
     * would (the share moves, the last change is now), and returns the share after each poll.
     */
    private static List<Integer> drive(SpilloverRule rule, int start, List<Tick> ticks) {
        SpilloverDecider decider = new SpilloverDecider(rule);
        int share = start;
        Optional<Instant> lastChange = Optional.empty();
        ShareStreak streak = ShareStreak.none();
        List<Integer> shares = new ArrayList<>();
        Instant now = T0;
        for (Tick tick : ticks) {
            Situation situation = new Situation(ShareMove.modeOf(share), lastChange, Optional.empty());
            SpilloverVerdict verdict = decider.decide(situation, OptionalInt.of(share), tick.seen(), streak, now);
            streak = verdict.streak();
            if (verdict.decision() instanceof Decision.Change change) {
                share = change.share().orElseThrow().to();
                lastChange = Optional.of(now);
            }
            shares.add(share);
            now = now.plus(POLL);
        }
        return shares;
    }

    private static List<Integer> expected(List<Tick> ticks) {
        return ticks.stream().map(Tick::expectedShare).toList();
    }

    @Test
    void theShareRisesOnlyOnceTheHigherShareHasBeenCalledForDuringEnterFor() {
        SpilloverRule rule = rule(100, 10, 100, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ZERO,
                MissingDataPolicy.HOLD);
        List<Tick> ticks = List.of(
                at(150, 0),    // calls for 40%, streak starts
                at(150, 0),    // 10s of 20s
                at(160, 40),   // 20s: rises to what this poll calls for (38% -> 40%)
                at(170, 40),   // calls for 50%: a new streak against 40%, not the old one
                at(100, 40),   // calls for 0%: the upward streak breaks
                at(170, 40),
                at(170, 40),
                at(180, 50));  // 20s above 40% again: 45% -> 50%

        assertThat(drive(rule, 0, ticks)).isEqualTo(expected(ticks));
    }

    @Test
    void theShareFallsOnlyWhenAtLeastOneStepLessHasBeenCalledForDuringExitFor() {
        SpilloverRule rule = rule(100, 10, 100, Duration.ZERO, Duration.ofSeconds(20), Duration.ZERO,
                MissingDataPolicy.HOLD);
        List<Tick> ticks = List.of(
                at(160, 40),   // rises at once (enterFor 0s)
                at(140, 40),   // calls for 30%: one step lower, streak starts
                at(120, 40),   // 20%
                at(130, 30),   // 20s: falls to the highest share of the window, 30%
                at(130, 30),   // 30%: neither higher nor lower
                at(125, 30),   // 20%: starts a new streak...
                at(140, 30),   // 30%: not a step lower, breaks it
                at(120, 30),
                at(120, 30),
                at(100, 20));  // 20s at most 20% over the window -> 20%

        assertThat(drive(rule, 0, ticks)).isEqualTo(expected(ticks));
    }

    @Test
    void theCooldownHoldsEveryMoveUntilItHasPassedSinceTheLastChange() {
        SpilloverRule rule = rule(100, 10, 100, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30),
                MissingDataPolicy.HOLD);
        List<Tick> ticks = List.of(
                at(150, 40),   // t=0: first change, no earlier one
                at(300, 40),   // t=10: 70% called for, cooldown until t=30
                at(300, 40),   // t=20
                at(300, 70),   // t=30: cooldown over
                at(100, 70),   // t=40: 0% called for, cooldown until t=60
                at(100, 70),
                at(100, 0));   // t=60

        assertThat(drive(rule, 0, ticks)).isEqualTo(expected(ticks));
    }

    @Test
    void aFailedQueryOrMissingDataUnderHoldNeverMovesTheShareAndBreaksTheStreak() {
        SpilloverRule rule = rule(100, 10, 100, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ZERO,
                MissingDataPolicy.HOLD);
        List<Tick> ticks = List.of(
                at(150, 0),
                tick(Observation.failed("timeout"), 0),   // would have been the 10s mark
                at(150, 0),
                tick(Observation.noData(), 0),
                at(150, 0),
                at(150, 40));

        assertThat(drive(rule, 0, ticks)).isEqualTo(expected(ticks));
    }

    @Test
    void missingDataUnderNaturalCountsAsShareZeroAndStillWaitsForExitFor() {
        SpilloverRule rule = rule(100, 10, 100, Duration.ZERO, Duration.ofSeconds(10), Duration.ZERO,
                MissingDataPolicy.NATURAL);
        List<Tick> ticks = List.of(
                at(200, 50),
                tick(Observation.noData(), 50),
                tick(Observation.noData(), 0));

        assertThat(drive(rule, 0, ticks)).isEqualTo(expected(ticks));
    }

    @Test
    void aChangeNamesTheSharesTheModesAndTheRule() {
        SpilloverVerdict verdict = new SpilloverDecider(immediate(100, 10, 100)).decide(Situation.of(Mode.NATURAL),
                OptionalInt.of(0), Observation.rate(150), ShareStreak.none(), T0);

        assertThat(verdict.decision()).isInstanceOfSatisfying(Decision.Change.class, change -> {
            assertThat(change.share()).contains(new ShareMove(0, 40));
            assertThat(change.from()).isEqualTo(Mode.NATURAL);
            assertThat(change.to()).isEqualTo(Mode.BURST);
            assertThat(change.rule()).isEqualTo("capacity 100 req/s, step 10%");
            assertThat(change.reason())
                    .isEqualTo("150 req/s calls for share 40% (capacity 100 req/s, step 10%) for 0s: share 0% -> 40%");
        });
    }

    @Test
    void aMoveWithinBurstIsAChangeFromBurstToBurst() {
        Decision decision = new SpilloverDecider(immediate(100, 10, 100)).decide(Situation.of(Mode.BURST),
                OptionalInt.of(40), Observation.rate(300), ShareStreak.none(), T0).decision();

        assertThat(decision).isInstanceOfSatisfying(Decision.Change.class, change -> {
            assertThat(change.share()).contains(new ShareMove(40, 70));
            assertThat(change.from()).isEqualTo(Mode.BURST);
            assertThat(change.to()).isEqualTo(Mode.BURST);
        });
    }

    @Test
    void anOverrideToBurstHoldsMaxBurstWhateverTheRateAndTheCooldown() {
        SpilloverRule rule = rule(100, 10, 80, Duration.ZERO, Duration.ZERO, Duration.ofHours(1),
                MissingDataPolicy.HOLD);
        Situation situation = Situation.of(Mode.NATURAL).withLastChange(T0)
                .withHold(new Hold(Mode.BURST, T0.plus(Duration.ofHours(2)), "launch", "overrides/worker.yaml"));

        Decision decision = new SpilloverDecider(rule).decide(situation, OptionalInt.of(0), Observation.rate(10),
                ShareStreak.none(), T0.plusSeconds(1)).decision();

        assertThat(decision).isInstanceOfSatisfying(Decision.Change.class, change -> {
            assertThat(change.share()).contains(new ShareMove(0, 80));
            assertThat(change.hold()).isPresent();
        });
    }

    @Test
    void theBandDeciderRefusesAPolicyWithoutABandWithASentence() {
        assertThatThrownBy(() -> new HysteresisDecider(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spillover policy");
    }

    @Test
    void weightsThatAreNotASplitAreLeftAsTheyAre() {
        SpilloverVerdict verdict = new SpilloverDecider(immediate(100, 10, 100)).decide(Situation.of(Mode.UNKNOWN),
                OptionalInt.empty(), Observation.rate(500), ShareStreak.none(), T0);

        assertThat(verdict.decision()).isInstanceOf(Decision.Stay.class);
        assertThat(verdict.decision().to()).isEqualTo(Mode.UNKNOWN);
        assertThat(verdict.decision().reason()).contains("not a spillover split");
    }
}
