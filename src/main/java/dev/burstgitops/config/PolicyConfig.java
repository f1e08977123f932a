package dev.burstgitops.config;

import dev.burstgitops.decision.BurstRule;
import dev.burstgitops.decision.SpilloverRule;
import java.time.Duration;
import java.util.Optional;

/**
 * One entry of {@code policies}: what to measure, the band to decide in, and what to write.
 *
 * @param rule      the band (enterAbove/exitBelow); null for a spillover policy
 * @param spillover the proportional rule, when the policy has a {@code spillover} section
 * @param burstReadiness the workload that must be available before traffic is sent to the burst cluster
 */
public record PolicyConfig(
        String name,
        String query,
        Duration interval,
        BurstRule rule,
        VirtualServiceConfig virtualService,
        Optional<SpilloverRule> spillover,
        Optional<BurstReadinessConfig> burstReadiness) {

    /** A band policy (enterAbove/exitBelow). */
    public PolicyConfig(String name, String query, Duration interval, BurstRule rule,
                        VirtualServiceConfig virtualService) {
        this(name, query, interval, rule, virtualService, Optional.empty(), Optional.empty());
    }

    /** A band or spillover policy without a readiness gate. */
    public PolicyConfig(String name, String query, Duration interval, BurstRule rule,
                        VirtualServiceConfig virtualService, Optional<SpilloverRule> spillover) {
        this(name, query, interval, rule, virtualService, spillover, Optional.empty());
    }

    /** Whether this policy spills a share over ({@code spillover}) instead of switching modes; then {@code rule} is null. */
    public boolean spills() {
        return spillover != null && spillover.isPresent();
    }
}
