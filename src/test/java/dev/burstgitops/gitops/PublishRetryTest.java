package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PublishRetryTest {

    private final PublishRetry retry = new PublishRetry(8, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void eachWaitLiesBetweenHalfAndAllOfAnExponentialStepCappedAtTheMaximum() {
        SplittableRandom random = new SplittableRandom(42);
        long[][] bounds = {{50, 100}, {100, 200}, {200, 400}, {400, 800}, {500, 1000}, {500, 1000}};
        for (int attempt = 1; attempt <= bounds.length; attempt++) {
            long[] range = bounds[attempt - 1];
            int current = attempt;
            IntStream.range(0, 50).forEach(i -> assertThat(retry.delayAfter(current, random).toMillis())
                    .as("wait after attempt %d", current)
                    .isBetween(range[0], range[1]));
        }
    }

    @Test
    void theWaitsAreJitteredSoTwoRejectedWritersDoNotRetryInLockstep() {
        SplittableRandom random = new SplittableRandom(7);
        assertThat(IntStream.range(0, 20).mapToObj(i -> retry.delayAfter(3, random)).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void aZeroBaseRetriesAtOnce() {
        assertThat(PublishRetry.immediately(5).delayAfter(4, new SplittableRandom(1))).isZero();
    }

    @Test
    void theDefaultsAreFiveAttempts() {
        assertThat(PublishRetry.defaults().maxAttempts()).isEqualTo(5);
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PublishRetry.immediately(0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublishRetry(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
