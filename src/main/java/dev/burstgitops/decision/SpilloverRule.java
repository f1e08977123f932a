package dev.burstgitops.decision;

import java.time.Duration;
import java.util.Objects;

/**
 * Proportional spillover: instead of all-or-nothing, send to the burst cluster the part of the
 * traffic the primary cannot carry. The burst share is the smallest multiple of {@code step}
 * at or above {@code (1 - capacity / observed) * 100}, capped at {@code maxBurst}, never below 0.
 * Steps keep the commits few and the weights readable; the windows and the cooldown are the
 * same as the band rule's ({@link BurstRule}).
 *
 * @param capacity req/s the primary carries
 * @param step     percent; shares are multiples of it
 * @param maxBurst percent; the highest share ever sent to burst
 */
public record SpilloverRule(
        double capacity,
        int step,
        int maxBurst,
        Duration enterFor,
        Duration exitFor,
        Duration cooldown,
        MissingDataPolicy onMissingData) {

    /** Computed shares a hair above a step (float noise in 1 - c/o) must not round a whole step up. */
    private static final double NOISE = 1e-9;

    public SpilloverRule {
        Objects.requireNonNull(enterFor, "enterFor");
        Objects.requireNonNull(exitFor, "exitFor");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(onMissingData, "onMissingData");
        if (!(capacity > 0) || !Double.isFinite(capacity)) {
            throw new IllegalArgumentException("capacity must be above 0, not " + capacity);
        }
        if (step < 1 || step > 100 || 100 % step != 0) {
            throw new IllegalArgumentException("step must divide 100, not " + step);
        }
        if (maxBurst < 0 || maxBurst > 100 || maxBurst % step != 0) {
            throw new IllegalArgumentException("maxBurst must be 0 to 100 and a multiple of step, not " + maxBurst);
        }
    }

    /** The burst share, in percent, that {@code perSecond} calls for. */
    public int shareFor(double perSecond) {
        if (perSecond <= capacity) {
            return 0;
        }
        double needed = (1 - capacity / perSecond) * 100;
        int share = (int) Math.ceil(needed / step - NOISE) * step;
        return Math.max(0, Math.min(maxBurst, share));
    }

    /** The rule as it reads in a commit subject and the {@code Burst-Rule} trailer. */
    public String describe() {
        return "capacity " + RateText.format(capacity) + " req/s, step " + step + "%";
    }
}
