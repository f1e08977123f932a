package dev.burstgitops.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the repository says about a policy at the head the decision is taken on: the mode its
 * weights are in, when the mode last changed (from the decision commits' trailers, so the
 * cooldown survives restarts) and the override in the repository, if any: a hold of a mode, or a
 * suspension.
 */
public record Situation(Mode current, Optional<Instant> lastChange, Optional<Hold> hold,
                        Optional<Suspension> suspension) {

    public Situation {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(lastChange, "lastChange");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(suspension, "suspension");
    }

    public Situation(Mode current, Optional<Instant> lastChange, Optional<Hold> hold) {
        this(current, lastChange, hold, Optional.empty());
    }

    public static Situation of(Mode current) {
        return new Situation(current, Optional.empty(), Optional.empty());
    }

    public Situation withLastChange(Instant at) {
        return new Situation(current, Optional.of(at), hold, suspension);
    }

    public Situation withHold(Hold newHold) {
        return new Situation(current, lastChange, Optional.of(newHold), suspension);
    }

    public Situation withSuspension(Suspension newSuspension) {
        return new Situation(current, lastChange, hold, Optional.of(newSuspension));
    }
}
