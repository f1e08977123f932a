package dev.burstgitops.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.burstgitops.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff equal = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), Backoff.EQUAL_JITTER);

    @Test
    void withoutJitterTheWaitDoublesFromTheBaseUpToTheMaximum() {
        Backoff fixed = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 0);

        assertThat(IntStream.rangeClosed(1, 6).mapToObj(fixed::after).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
    }

    @Test
    void equalJitterKeepsHalfOfEachStepCertainAndDrawsTheOtherHalf() {
        SplittableRandom random = new SplittableRandom(7);
        for (int failures = 1; failures <= 8; failures++) {
            long step = Math.min(1000L << (failures - 1), 10_000);
            int current = failures;
            IntStream.range(0, 50).forEach(i -> assertThat(equal.after(current, random).toMillis())
                    .isBetween(step / 2, step));
        }
        assertThat(IntStream.range(0, 20).mapToObj(i -> equal.after(3, random)).distinct().count()).isGreaterThan(1);
    }

    @Test
    void noBackoffNeverWaits() {
        assertThat(Backoff.none().after(12)).isZero();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1),
                0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ZERO, 1.5));
        assertThatIllegalArgumentException().isThrownBy(() -> equal.after(0));
    }

    @Test
    void aRetryTimerIsDueOnceItsBackoffHasPassedOnItsClockAndResetsOnSuccess() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T06:00:00Z"));
        RetryTimer timer = new RetryTimer(new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 0), clock);
        assertThat(timer.due()).isTrue();

        assertThat(timer.failed()).isEqualTo(Duration.ofSeconds(30));
        assertThat(timer.due()).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(timer.due()).isTrue();

        assertThat(timer.failed()).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(59));
        assertThat(timer.due()).isFalse();
        assertThat(timer.failures()).isEqualTo(2);

        timer.succeeded();
        assertThat(timer.due()).isTrue();
        assertThat(timer.failed()).isEqualTo(Duration.ofSeconds(30));
    }
}
