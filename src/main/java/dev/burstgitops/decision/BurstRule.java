package dev.burstgitops.decision;

import java.time.Duration;
import java.util.Objects;

/**
 * The hysteresis band of one policy: enter burst above {@code enterAbove} once the rate has
 * stayed there for {@code enterFor}, return to natural below {@code exitBelow} once it has
 * stayed there for {@code exitFor}, and never change mode twice within {@code cooldown}.
 */
public record BurstRule(
        double enterAbove,
        double exitBelow,
        Duration enterFor,
        Duration exitFor,
        Duration cooldown,
        MissingDataPolicy onMissingData) {

    public BurstRule {
        Objects.requireNonNull(enterFor, "enterFor");
        Objects.requireNonNull(exitFor, "exitFor");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(onMissingData, "onMissingData");
        if (!(exitBelow < enterAbove)) {
            // An empty band would flap on every poll near the threshold.
            throw new IllegalArgumentException("exitBelow (" + RateText.format(exitBelow)
                    + ") must be below enterAbove (" + RateText.format(enterAbove) + ")");
        }
    }

    /** The enter rule as it reads in a commit subject: "> 15 req/s for 0s". */
    public String describeEnter() {
        return "> " + RateText.format(enterAbove) + " req/s for " + DurationText.format(enterFor);
    }

    /** The exit rule as it reads in a commit subject: "< 10 req/s for 30s". */
    public String describeExit() {
        return "< " + RateText.format(exitBelow) + " req/s for " + DurationText.format(exitFor);
    }

    /** Where a rate lies relative to the band. */
    public Band bandOf(double perSecond) {
        if (perSecond > enterAbove) {
            return Band.ABOVE;
        }
        return perSecond < exitBelow ? Band.BELOW : Band.INSIDE;
    }

    /** Position of a rate relative to the hysteresis band. */
    public enum Band {
        ABOVE, INSIDE, BELOW
    }
}
