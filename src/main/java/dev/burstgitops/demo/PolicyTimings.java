package dev.burstgitops.demo;

import java.time.Duration;

/**
 * The demo-sized sustain windows and cooldown of the {@code worker} policy. Production values
 * (minutes) would not fit a three-minute demo; the thresholds stay those of the reference setup.
 */
public record PolicyTimings(Duration enterFor, Duration exitFor, Duration cooldown) {

    public static PolicyTimings demoDefaults() {
        return new PolicyTimings(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20));
    }
}
