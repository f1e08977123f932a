package dev.burstgitops.decision;

import java.time.Duration;
import java.time.Instant;

/**
 * Since when consecutive polls have called for a higher share than the weights hold
 * ({@code upSince}) or for one at least a step lower ({@code downSince}); the spillover
 * counterpart of {@link Streak}, and likewise the only state kept between polls.
 *
 * <p>{@code ceiling} is the highest share called for during a downward run: the exit window
 * only shows that the traffic stayed at or below it, so a fall goes no lower than that, however
 * low the last poll happened to be. {@code base} is the share the run was measured against: once
 * the share has moved (this controller's commit, or a person's edit) the run starts over, or a
 * rise to 40% would carry its window over into a rise to 50%.
 */
public record ShareStreak(Instant upSince, Instant downSince, int ceiling, int base) {

    public static ShareStreak none() {
        return new ShareStreak(null, null, 0, -1);
    }

    /**
     * The streak after one more poll at {@code now} that called for {@code wanted} percent while
     * the weights hold {@code current}; {@code wanted} is null for a poll that gives no share
     * (a failed query, or no data under {@code onMissingData: hold}), which breaks the run.
     */
    public ShareStreak after(Integer wanted, int current, int step, Instant now) {
        if (wanted == null) {
            return none();
        }
        if (current != base) {
            return none().extend(wanted, current, step, now, current);
        }
        return extend(wanted, current, step, now, base);
    }

    private ShareStreak extend(int wanted, int current, int step, Instant now, int base) {
        if (wanted > current) {
            return new ShareStreak(upSince == null ? now : upSince, null, 0, base);
        }
        if (wanted <= current - step) {
            return downSince == null ? new ShareStreak(null, now, wanted, base)
                    : new ShareStreak(null, downSince, Math.max(ceiling, wanted), base);
        }
        return none();
    }

    public Duration upFor(Instant now) {
        return upSince == null ? Duration.ZERO : Duration.between(upSince, now);
    }

    public Duration downFor(Instant now) {
        return downSince == null ? Duration.ZERO : Duration.between(downSince, now);
    }
}
