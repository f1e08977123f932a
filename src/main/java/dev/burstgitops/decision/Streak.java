package dev.burstgitops.decision;

import java.time.Duration;
import java.time.Instant;

/**
 * Since when consecutive polls have seen the rate above the band or below it; the only state
 * the decision keeps between polls (everything else is read from Git each pass). A poll inside
 * the band, a failed query or — under {@link MissingDataPolicy#HOLD} — a poll without data
 * breaks the run, because {@code enterFor}/{@code exitFor} speak of consecutive polls.
 */
public record Streak(Instant aboveSince, Instant belowSince) {

    public static Streak none() {
        return new Streak(null, null);
    }

    /** The streak after one more poll at {@code now}. */
    public Streak after(Observation observation, BurstRule rule, Instant now) {
        BurstRule.Band band = null;
        if (observation instanceof Observation.Rate rate) {
            band = rule.bandOf(rate.perSecond());
        } else if (observation instanceof Observation.NoData && rule.onMissingData() == MissingDataPolicy.NATURAL) {
            band = BurstRule.Band.BELOW;
        }
        if (band == BurstRule.Band.ABOVE) {
            return new Streak(aboveSince == null ? now : aboveSince, null);
        }
        if (band == BurstRule.Band.BELOW) {
            return new Streak(null, belowSince == null ? now : belowSince);
        }
        return none();
    }

    /** How long the rate has been above the band as of {@code now}; zero when it is not. */
    public Duration aboveFor(Instant now) {
        return aboveSince == null ? Duration.ZERO : Duration.between(aboveSince, now);
    }

    /** How long the rate has been below the band as of {@code now}; zero when it is not. */
    public Duration belowFor(Instant now) {
        return belowSince == null ? Duration.ZERO : Duration.between(belowSince, now);
    }
}
