package dev.burstgitops.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stands between a policy's decider and its commit when the policy has {@code burstReadiness}.
 * Pure, like the deciders: the reading of the burst side and the time are arguments.
 *
 * <ul>
 *   <li>A change that would send more traffic to the burst side waits while that side is not
 *       ready; the decider's streak keeps running, so burst is entered at the first ready poll.</li>
 *   <li>In burst, a side short for {@code fallbackAfter} sends everything back to natural at
 *       once, without waiting for a cooldown: the traffic is being dropped.</li>
 *   <li>An override in force is obeyed as written: a person who holds burst has decided.</li>
 * </ul>
 */
public final class ReadinessGate {

    /** How a decision the gate holds back starts its reason; readers of the reason (the demo, Events) key on it. */
    public static final String HELD_BACK = "burst not ready: ";

    private final Duration fallbackAfter;

    public ReadinessGate(Duration fallbackAfter) {
        this.fallbackAfter = fallbackAfter;
    }

    /**
     * Whether the burst side's readiness matters to this decision: it would send more traffic there,
     * or the policy is in burst (where a spell of unreadiness leads to a fallback). Otherwise the
     * side need not be read at all.
     */
    public boolean concerns(Decision decided) {
        return decided.from() == Mode.BURST
                || decided instanceof Decision.Change change && sendsMoreToBurst(change);
    }

    public Decision apply(Decision decided, Situation situation, BurstReadiness readiness, Instant now) {
        if (!(readiness instanceof BurstReadiness.NotReady notReady)
                || situation.hold().filter(hold -> hold.inForceAt(now)).isPresent()) {
            return decided;
        }
        String notReadyText = HELD_BACK + notReady.detail();
        if (decided instanceof Decision.Change change && sendsMoreToBurst(change)) {
            String because = notReadyText + "; staying " + describe(change.from(), change.share().map(ShareMove::from))
                    + " (" + change.reason() + ")";
            return change.share().isPresent()
                    ? Decision.stayAtShare(change.share().get().from(), change.observed(), because)
                    : Decision.stay(change.from(), change.observed(), because);
        }
        if (decided.from() != Mode.BURST || decided.to() == Mode.NATURAL) {
            return decided;
        }
        Duration lasted = notReady.lastedAt(now);
        if (lasted.compareTo(fallbackAfter) >= 0) {
            return Decision.fallback(Mode.BURST, decided.share(), decided.observed(),
                    "burst not ready for " + DurationText.format(fallbackAfter),
                    notReadyText + " for " + DurationText.format(lasted) + ", falling back to natural",
                    notReady.detail());
        }
        return decided.withReason(decided.reason() + "; " + notReadyText + " for " + DurationText.format(lasted)
                + " of the " + DurationText.format(fallbackAfter) + " before falling back to natural");
    }

    /** Into burst, or a larger share: what must wait for the burst side. */
    private static boolean sendsMoreToBurst(Decision.Change change) {
        return change.share().map(move -> move.to() > move.from()).orElse(change.to() == Mode.BURST);
    }

    private static String describe(Mode mode, Optional<Integer> share) {
        return share.map(percent -> "at share " + percent + "%").orElse(mode.label());
    }
}
