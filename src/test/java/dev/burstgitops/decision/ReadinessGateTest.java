package dev.burstgitops.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessGateTest {

    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");
    private static final Duration FALLBACK_AFTER = Duration.ofSeconds(30);
    private static final Observation BUSY = Observation.rate(20);
    private static final String SHORT = "Deployment default/worker-deployment in cluster burst has 0 of 1 replica available";

    private final ReadinessGate gate = new ReadinessGate(FALLBACK_AFTER);
    private final HysteresisDecider band = new HysteresisDecider(
            new BurstRule(15, 10, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5), MissingDataPolicy.HOLD));

    private static BurstReadiness notReadySince(Instant since) {
        return BurstReadiness.unknown().next(false, SHORT, since);
    }

    private Decision bandDecision(Situation situation, Observation observation, Instant now) {
        return band.decide(situation, observation, Streak.none(), now).decision();
    }

    @Test
    void aChangeIntoBurstWaitsWhileTheBurstSideIsNotReadyAndGoesAheadAtTheFirstReadyReading() {
        Decision wanted = bandDecision(Situation.of(Mode.NATURAL), BUSY, T0);
        assertThat(wanted).isInstanceOf(Decision.Change.class);

        Decision gated = gate.apply(wanted, Situation.of(Mode.NATURAL), notReadySince(T0), T0);

        assertThat(gated).isInstanceOf(Decision.Stay.class);
        assertThat(gated.to()).isEqualTo(Mode.NATURAL);
        assertThat(gated.reason()).startsWith("burst not ready: " + SHORT).contains("staying natural");

        BurstReadiness ready = notReadySince(T0).next(true, "has 1 of 1", T0.plusSeconds(10));
        assertThat(gate.apply(wanted, Situation.of(Mode.NATURAL), ready, T0.plusSeconds(10))).isSameAs(wanted);
    }

    @Test
    void inBurstTheSideMayBeShortForFallbackAfterThenTheGateFallsBackWithoutWaitingForTheCooldown() {
        // The last change was a minute ago: the five-minute cooldown is still running.
        Situation inBurst = Situation.of(Mode.BURST).withLastChange(T0.minusSeconds(60));
        BurstReadiness spell = notReadySince(T0);

        Decision before = gate.apply(bandDecision(inBurst, BUSY, T0.plusSeconds(29)), inBurst, spell,
                T0.plusSeconds(29));
        assertThat(before).isInstanceOf(Decision.Stay.class);
        assertThat(before.reason()).contains("burst not ready: " + SHORT + " for 29s of the 30s");

        Decision after = gate.apply(bandDecision(inBurst, BUSY, T0.plusSeconds(30)), inBurst,
                spell.next(false, SHORT, T0.plusSeconds(30)), T0.plusSeconds(30));
        assertThat(after).isInstanceOfSatisfying(Decision.Change.class, change -> {
            assertThat(change.from()).isEqualTo(Mode.BURST);
            assertThat(change.to()).isEqualTo(Mode.NATURAL);
            assertThat(change.fallback()).contains(SHORT);
            assertThat(change.rule()).isEqualTo("burst not ready for 30s");
        });
    }

    @Test
    void theSpellIsMeasuredFromItsFirstReadingAndAReadyReadingEndsIt() {
        BurstReadiness spell = notReadySince(T0).next(false, SHORT, T0.plusSeconds(20));
        assertThat(spell).isInstanceOfSatisfying(BurstReadiness.NotReady.class,
                notReady -> assertThat(notReady.since()).isEqualTo(T0));
        BurstReadiness again = spell.next(true, "ok", T0.plusSeconds(25)).next(false, SHORT, T0.plusSeconds(26));
        assertThat(again).isInstanceOfSatisfying(BurstReadiness.NotReady.class,
                notReady -> assertThat(notReady.since()).isEqualTo(T0.plusSeconds(26)));
    }

    @Test
    void theGateConcernsOnlyMovesTowardBurstAndPassesInBurst() {
        assertThat(gate.concerns(bandDecision(Situation.of(Mode.NATURAL), Observation.rate(5), T0))).isFalse();
        assertThat(gate.concerns(bandDecision(Situation.of(Mode.NATURAL), BUSY, T0))).isTrue();
        assertThat(gate.concerns(bandDecision(Situation.of(Mode.BURST), Observation.rate(12), T0))).isTrue();
    }

    @Test
    void aChangeBackToNaturalIsNeverHeldUp() {
        Situation inBurst = Situation.of(Mode.BURST);
        Decision leaving = bandDecision(inBurst, Observation.rate(2), T0);
        assertThat(leaving.to()).isEqualTo(Mode.NATURAL);
        assertThat(gate.apply(leaving, inBurst, notReadySince(T0), T0)).isSameAs(leaving);
    }

    @Test
    void anOverrideInForceIsObeyedAsWritten() {
        Hold hold = new Hold(Mode.BURST, T0.plusSeconds(3600), "load test", "overrides/worker.yaml");
        Situation held = Situation.of(Mode.NATURAL).withHold(hold);
        Decision obeyed = bandDecision(held, Observation.rate(1), T0);
        assertThat(obeyed.to()).isEqualTo(Mode.BURST);
        assertThat(gate.apply(obeyed, held, notReadySince(T0.minusSeconds(600)), T0)).isSameAs(obeyed);
    }

    @Test
    void aSpilloverShareMayNotGrowWhileNotReadyMayShrinkAndFallsBackToZero() {
        Decision grow = Decision.changeShare(new ShareMove(20, 40), BUSY, "capacity 15 req/s, step 10%", "more",
                Optional.empty());
        Decision held = gate.apply(grow, Situation.of(Mode.BURST), notReadySince(T0), T0);
        assertThat(held).isInstanceOf(Decision.Stay.class);
        assertThat(held.share()).contains(new ShareMove(20, 20));
        assertThat(held.reason()).contains("staying at share 20%");

        Decision shrink = Decision.changeShare(new ShareMove(40, 20), BUSY, "capacity", "less", Optional.empty());
        Decision stillShrinks = gate.apply(shrink, Situation.of(Mode.BURST), notReadySince(T0), T0.plusSeconds(5));
        assertThat(stillShrinks.share()).contains(new ShareMove(40, 20));
        assertThat(stillShrinks.reason()).startsWith("less; burst not ready: ");

        Decision fallback = gate.apply(shrink, Situation.of(Mode.BURST), notReadySince(T0), T0.plusSeconds(31));
        assertThat(fallback.share()).contains(new ShareMove(40, 0));
        assertThat(fallback.to()).isEqualTo(Mode.NATURAL);
    }

    @Test
    void whenReadyOrInNaturalWithNothingToDoTheDecisionPassesUnchanged() {
        Decision quiet = bandDecision(Situation.of(Mode.NATURAL), Observation.rate(12), T0);
        assertThat(gate.apply(quiet, Situation.of(Mode.NATURAL), notReadySince(T0), T0.plusSeconds(300)))
                .isSameAs(quiet);
        Decision wanted = bandDecision(Situation.of(Mode.NATURAL), BUSY, T0);
        assertThat(gate.apply(wanted, Situation.of(Mode.NATURAL), BurstReadiness.unknown(), T0)).isSameAs(wanted);
    }
}
