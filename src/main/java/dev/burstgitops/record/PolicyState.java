package dev.burstgitops.record;

import dev.burstgitops.decision.Situation;
import dev.burstgitops.override.OverrideFile;
import dev.burstgitops.override.OverrideLookup;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one head of the repository says about a policy: the situation the decision needs, an
 * expired override to remove, an invalid override to report and, for a spillover policy, the burst
 * share the weights hold (empty when they are not a spillover split, and for band policies).
 */
public record PolicyState(Situation situation, Optional<OverrideFile> expiredOverride,
                   Optional<OverrideLookup.Invalid> invalidOverride, OptionalInt share) {
}
