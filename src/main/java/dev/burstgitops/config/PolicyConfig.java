package dev.burstgitops.config;

import dev.burstgitops.decision.BurstRule;
import java.time.Duration;

/** One entry of {@code policies}: what to measure, the band to decide in, and what to write. */
public record PolicyConfig(
        String name,
        String query,
        Duration interval,
        BurstRule rule,
        VirtualServiceConfig virtualService) {
}
