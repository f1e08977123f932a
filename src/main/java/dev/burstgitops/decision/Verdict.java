package dev.burstgitops.decision;

import java.util.Objects;

/** A decision together with the streak to remember until the next poll. */
public record Verdict(Decision decision, Streak streak) {

    public Verdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(streak, "streak");
    }
}
