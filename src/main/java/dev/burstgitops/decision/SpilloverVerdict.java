package dev.burstgitops.decision;

import java.util.Objects;

/** A spillover decision together with the share streak to remember until the next poll. */
public record SpilloverVerdict(Decision decision, ShareStreak streak) {

    public SpilloverVerdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(streak, "streak");
    }
}
