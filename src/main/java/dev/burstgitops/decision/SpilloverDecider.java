package dev.burstgitops.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides, for one poll of one spillover policy, whether to keep or move the burst share. Pure
 * like {@link HysteresisDecider}: the time is an argument and nothing here does I/O.
 *
 * <p>Precedence, first match wins: an override in force (burst means {@code maxBurst}, natural
 * share 0); weights that are not a spillover split (left alone, as the band rule leaves unknown
 * weights); a failed query or no data under {@code hold} (never changes anything); a share
 * called for long enough — higher for {@code enterFor}, at least a step lower for
 * {@code exitFor} — unless the cooldown since the last change has not passed.
 */
public final class SpilloverDecider {

    private final SpilloverRule rule;

    public SpilloverDecider(SpilloverRule rule) {
        this.rule = rule;
    }

    public SpilloverRule rule() {
        return rule;
    }

    /**
     * @param situation the override and the last change, as the repository says
     * @param current   the burst share the weights hold; empty when they are not a spillover split
     */
    public SpilloverVerdict decide(Situation situation, OptionalInt current, Observation observation,
                                   ShareStreak previous, Instant now) {
        Integer wanted = wanted(observation);
        if (current.isEmpty()) {
            return new SpilloverVerdict(notASplit(situation, observation), ShareStreak.none());
        }
        ShareStreak streak = previous.after(wanted, current.getAsInt(), rule.step(), now);
        return new SpilloverVerdict(decision(situation, current.getAsInt(), observation, wanted, streak, now), streak);
    }

    /** The share a poll calls for; null when it calls for none (and so breaks a streak). */
    private Integer wanted(Observation observation) {
        if (observation instanceof Observation.Rate rate) {
            return rule.shareFor(rate.perSecond());
        }
        return observation instanceof Observation.NoData && rule.onMissingData() == MissingDataPolicy.NATURAL ? 0 : null;
    }

    private Decision decision(Situation situation, int current, Observation observation, Integer wanted,
                              ShareStreak streak, Instant now) {
        Optional<Hold> hold = situation.hold().filter(h -> h.inForceAt(now));
        if (hold.isPresent()) {
            return obey(hold.get(), current, observation);
        }
        if (observation instanceof Observation.QueryFailed failed) {
            return Decision.stayAtShare(current, observation,
                    "metric query failed, holding share " + current + "%: " + failed.message());
        }
        if (wanted == null) {
            return Decision.stayAtShare(current, observation,
                    "no data, holding share " + current + "% (onMissingData: hold)");
        }
        String seen = observation.describe() + (observation instanceof Observation.NoData ? " counts as 0 req/s" : "")
                + " calls for share " + wanted + "% (" + rule.describe() + ")";
        if (streak.upSince() != null) {
            return move(situation, current, wanted, observation, seen, streak.upFor(now), rule.enterFor(), now);
        }
        if (streak.downSince() != null) {
            return move(situation, current, streak.ceiling(), observation,
                    seen + (streak.ceiling() > wanted ? ", at most " + streak.ceiling() + "% over the window" : ""),
                    streak.downFor(now), rule.exitFor(), now);
        }
        return Decision.stayAtShare(current, observation, seen + ", staying at share " + current + "%"
                + (wanted < current ? " (less than a step lower)" : ""));
    }

    private Decision obey(Hold hold, int current, Observation observation) {
        int target = hold.mode() == Mode.BURST ? rule.maxBurst() : 0;
        String because = "override " + hold.source() + " holds " + hold.mode().label() + " (share " + target
                + "%) until " + hold.until()
                + (hold.reason() == null || hold.reason().isBlank() ? "" : ": " + hold.reason());
        if (current == target) {
            return Decision.stayAtShare(current, observation, because);
        }
        return Decision.changeShare(new ShareMove(current, target), observation, "override until " + hold.until(),
                because, Optional.of(hold));
    }

    private Decision move(Situation situation, int current, int target, Observation observation, String seen,
                          Duration heldFor, Duration needed, Instant now) {
        if (heldFor.compareTo(needed) < 0) {
            return Decision.stayAtShare(current, observation, seen + " for " + DurationText.format(heldFor) + " of "
                    + DurationText.format(needed) + " needed, staying at share " + current + "%");
        }
        Optional<Instant> nextAllowed = situation.lastChange().map(at -> at.plus(rule.cooldown()))
                .filter(now::isBefore);
        if (nextAllowed.isPresent()) {
            return Decision.stayAtShare(current, observation, seen + ", but the cooldown of "
                    + DurationText.format(rule.cooldown()) + " since the last change at " + situation.lastChange().get()
                    + " runs until " + nextAllowed.get() + ", staying at share " + current + "%");
        }
        return Decision.changeShare(new ShareMove(current, target), observation, rule.describe(),
                seen + " for " + DurationText.format(heldFor) + ": share " + current + "% -> " + target + "%",
                Optional.empty());
    }

    private static Decision notASplit(Situation situation, Observation observation) {
        // Not a share we can name (routes disagree, or primary + burst is not 100): a person's
        // hand edit, left as it is until they put a split back.
        return Decision.stay(Mode.UNKNOWN, observation, observation.describe()
                + ", but the weights are not a spillover split (burst = 100 - primary on every route):"
                + " leaving them as they are");
    }
}
