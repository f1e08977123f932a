package dev.burstgitops.status;

import dev.burstgitops.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Liveness as a function of the clock: no sleeping, the test moves time. */
class LoopHealthTest {

    private static final Instant START = Instant.parse("2026-01-10T08:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final LoopHealth health = new LoopHealth(clock);

    @Test
    void aLoopIsHealthyUntilItsSilenceExceedsItsLimit() {
        health.register("burst", Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        assertThat(health.check().healthy()).isTrue();

        clock.advance(Duration.ofMillis(1));
        HealthReport report = health.check();
        assertThat(report.healthy()).isFalse();
        assertThat(report.stalledLoops()).containsExactly("burst");
        assertThat(report.loops().get(0).lastProgress()).isEqualTo(START);
        assertThat(report.loops().get(0).silentFor()).isEqualTo(Duration.ofMillis(30_001));
    }

    @Test
    void progressAfterAStallMakesTheLoopHealthyAgain() {
        health.register("sync", Duration.ofSeconds(180));
        clock.advance(Duration.ofMinutes(5));
        assertThat(health.check().healthy()).isFalse();

        health.progressed("sync");

        assertThat(health.check().healthy()).isTrue();
        assertThat(health.check().loops().get(0).lastProgress()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void oneStalledLoopMakesTheProcessUnhealthyAndIsListedFirst() {
        health.register("sync", Duration.ofSeconds(180));
        health.register("burst", Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(60));
        health.progressed("burst");
        clock.advance(Duration.ofSeconds(121));
        health.progressed("burst");

        HealthReport report = health.check();

        assertThat(report.healthy()).isFalse();
        assertThat(report.stalledLoops()).containsExactly("sync");
        assertThat(report.loops()).extracting(LoopStatus::name).containsExactly("sync", "burst");
    }

    @Test
    void aLoopFailingPastItsBoundIsUnhealthyThoughItTurnsUntilItProgressesAgain() {
        health.register("sync/fetch", Duration.ofSeconds(30));
        health.register("burst", Duration.ofSeconds(30));

        health.failing("sync/fetch", "10 fetches failed in a row");

        HealthReport failing = health.check();
        assertThat(failing.healthy()).isFalse();
        assertThat(failing.stalledLoops()).isEmpty();
        assertThat(failing.failingLoops()).containsExactly("sync/fetch");
        assertThat(failing.loops()).extracting(LoopStatus::name).containsExactly("sync/fetch", "burst");
        assertThat(failing.loops().get(0).failing()).isEqualTo("10 fetches failed in a row");

        health.progressed("sync/fetch");

        assertThat(health.check().healthy()).isTrue();
        assertThat(health.check().failingLoops()).isEmpty();
    }

    @Test
    void withNoLoopRegisteredTheProcessIsHealthy() {
        assertThat(health.check().healthy()).isTrue();
        assertThat(health.check().loops()).isEmpty();
    }

    @Test
    void theLimitIsThreeMissedPassesButNeverUnderThirtySeconds() {
        assertThat(LoopHealth.limitFor(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoopHealth.limitFor(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoopHealth.limitFor(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void progressFromALoopThatNeverRegisteredIsAWiringError() {
        assertThatThrownBy(() -> health.progressed("sync"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sync");
    }
}
