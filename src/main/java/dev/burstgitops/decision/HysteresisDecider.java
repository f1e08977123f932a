package dev.burstgitops.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides, for one poll of one policy, whether to stay or change mode. Pure: the time is an
 * argument and nothing here does I/O, so every rule is tested by driving a clock by hand.
 *
 * <p>Precedence, first match wins: an override in force; a failed query (never changes
 * anything); a rate or missing data that has stayed past a threshold long enough, unless the
 * cooldown since the last change has not passed.
 */
public final class HysteresisDecider {

    private final BurstRule rule;

    public HysteresisDecider(BurstRule rule) {
        if (rule == null) {
            // A spillover policy has no band and is decided by SpilloverDecider; said here so that
            // a caller that picks the wrong decider fails with a sentence, not a NullPointerException mid-replay.
            throw new IllegalArgumentException("the policy has no enterAbove/exitBelow band (it is a spillover"
                    + " policy): decide it with SpilloverDecider");
        }
        this.rule = rule;
    }

    public BurstRule rule() {
        return rule;
    }

    public Verdict decide(Situation situation, Observation observation, Streak previous, Instant now) {
        Streak streak = previous.after(observation, rule, now);
        return new Verdict(decision(situation, observation, streak, now), streak);
    }

    private Decision decision(Situation situation, Observation observation, Streak streak, Instant now) {
        Mode current = situation.current();
        Optional<Hold> hold = situation.hold().filter(h -> h.inForceAt(now));
        if (hold.isPresent()) {
            return obey(hold.get(), current, observation);
        }
        if (observation instanceof Observation.QueryFailed failed) {
            return Decision.stay(current, observation,
                    "metric query failed, holding " + current.label() + ": " + failed.message());
        }
        if (observation instanceof Observation.NoData && rule.onMissingData() == MissingDataPolicy.HOLD) {
            return Decision.stay(current, observation, "no data, holding " + current.label() + " (onMissingData: hold)");
        }
        if (streak.aboveSince() != null) {
            return toward(Mode.BURST, situation, observation, streak.aboveFor(now), rule.enterFor(),
                    rule.describeEnter(), now);
        }
        if (streak.belowSince() != null) {
            return toward(Mode.NATURAL, situation, observation, streak.belowFor(now), rule.exitFor(),
                    rule.describeExit(), now);
        }
        return Decision.stay(current, observation, insideBand(current, observation));
    }

    private Decision obey(Hold hold, Mode current, Observation observation) {
        String because = "override " + hold.source() + " holds " + hold.mode().label() + " until " + hold.until()
                + (hold.reason() == null || hold.reason().isBlank() ? "" : ": " + hold.reason());
        if (current == hold.mode()) {
            return Decision.stay(current, observation, because);
        }
        return Decision.changeForHold(current, hold, observation, because);
    }

    private Decision toward(Mode target, Situation situation, Observation observation, Duration heldFor,
                            Duration needed, String ruleText, Instant now) {
        Mode current = situation.current();
        String seen = observation.describe() + (target == Mode.BURST ? " is above " + rate(rule.enterAbove())
                : observation instanceof Observation.NoData ? " counts as below " + rate(rule.exitBelow())
                : " is below " + rate(rule.exitBelow()));
        if (current == target) {
            return Decision.stay(current, observation, "already " + current.label() + ": " + seen);
        }
        if (heldFor.compareTo(needed) < 0) {
            return Decision.stay(current, observation, seen + " for " + DurationText.format(heldFor) + " of "
                    + DurationText.format(needed) + " needed, staying " + current.label());
        }
        Optional<Instant> nextAllowed = situation.lastChange().map(at -> at.plus(rule.cooldown()))
                .filter(now::isBefore);
        if (nextAllowed.isPresent()) {
            return Decision.stay(current, observation, seen + ", but the cooldown of "
                    + DurationText.format(rule.cooldown()) + " since the last change at " + situation.lastChange().get()
                    + " runs until " + nextAllowed.get() + ", staying " + current.label());
        }
        return Decision.change(current, target, observation, ruleText,
                seen + " for " + DurationText.format(heldFor) + " (" + ruleText + ")");
    }

    private String insideBand(Mode current, Observation observation) {
        String band = observation.describe() + " is inside the band " + rate(rule.exitBelow()) + " to "
                + rate(rule.enterAbove());
        if (current == Mode.UNKNOWN) {
            return band + " and the weights are neither natural nor burst: leaving them as they are";
        }
        return band + ", staying " + current.label();
    }

    private static String rate(double value) {
        return RateText.format(value) + " req/s";
    }
}
