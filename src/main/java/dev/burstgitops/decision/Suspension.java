package dev.burstgitops.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A person's instruction to leave a policy alone until a time (an override file with
 * {@code mode: suspend}): the controller neither decides nor edits its weights, so people may
 * edit them by hand meanwhile.
 *
 * @param source the repository path that holds it
 */
public record Suspension(Instant until, String reason, String source) {

    /** How a suspended policy's decision starts its reason; readers of the reason (Events) key on it. */
    public static final String SUSPENDED = "suspended by ";

    public Suspension {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(source, "source");
    }

    public boolean inForceAt(Instant now) {
        return now.isBefore(until);
    }

    /** The decision while suspended: stay with whatever the weights are, and say so. */
    public Decision decision(Mode current, OptionalInt share, Observation observation) {
        String because = SUSPENDED + source + " until " + until
                + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                + ": not deciding, the weights are left as they are";
        return share.isPresent() ? Decision.stayAtShare(share.getAsInt(), observation, because)
                : Decision.stay(current, observation, because);
    }
}
