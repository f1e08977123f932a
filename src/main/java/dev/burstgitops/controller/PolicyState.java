package dev.burstgitops.controller;

import dev.burstgitops.decision.Situation;
import dev.burstgitops.override.OverrideFile;
import dev.burstgitops.override.OverrideLookup;
import java.util.Optional;

/**
 * What one head of the repository says about a policy: the situation the decision needs, an
 * expired override to remove, and an invalid override to report.
 */
record PolicyState(Situation situation, Optional<OverrideFile> expiredOverride,
                   Optional<OverrideLookup.Invalid> invalidOverride) {
}
