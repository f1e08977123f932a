package dev.burstgitops.decision;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one poll for one policy: stay in the current mode, or change it. Each carries
 * a reason a person can read; a change also carries the rule that fired, for the commit subject.
 */
public sealed interface Decision {

    /** The mode the repository was in when the decision was taken. */
    Mode from();

    /** The mode the policy should be in after this decision. */
    Mode to();

    Observation observed();

    String reason();

    /** For a spillover policy, the burst share before and after; empty for a band policy. */
    Optional<ShareMove> share();

    static Decision stay(Mode mode, Observation observed, String reason) {
        return new Stay(mode, observed, reason);
    }

    static Decision change(Mode from, Mode to, Observation observed, String rule, String reason) {
        return new Change(from, to, observed, rule, reason, Optional.empty());
    }

    static Decision changeForHold(Mode from, Hold hold, Observation observed, String reason) {
        return new Change(from, hold.mode(), observed, "override until " + hold.until(), reason, Optional.of(hold));
    }

    /** A spillover policy keeps its share ({@code share}); the mode follows from the share. */
    static Decision stayAtShare(int share, Observation observed, String reason) {
        return new Stay(ShareMove.modeOf(share), observed, reason, Optional.of(new ShareMove(share, share)));
    }

    /** A spillover policy moves its share; a move within burst (40% -> 60%) is a change too. */
    static Decision changeShare(ShareMove move, Observation observed, String rule, String reason,
                                Optional<Hold> hold) {
        return new Change(ShareMove.modeOf(move.from()), ShareMove.modeOf(move.to()), observed, rule, reason, hold,
                Optional.of(move));
    }

    /**
     * Back to natural (share 0) because the burst side stayed unavailable: a safety move, so it
     * does not wait for a cooldown.
     */
    static Decision fallback(Mode from, Optional<ShareMove> share, Observation observed, String rule, String reason,
                             String why) {
        return new Change(from, Mode.NATURAL, observed, rule, reason, Optional.empty(),
                share.map(move -> new ShareMove(move.from(), 0)), Optional.of(why));
    }

    /** The same decision, with its reason told differently. */
    Decision withReason(String newReason);

    /** Nothing to write: the mode is right, or it is not yet time to change it. */
    record Stay(Mode mode, Observation observed, String reason, Optional<ShareMove> share) implements Decision {
        public Stay {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(observed, "observed");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(share, "share");
        }

        public Stay(Mode mode, Observation observed, String reason) {
            this(mode, observed, reason, Optional.empty());
        }

        @Override
        public Mode from() {
            return mode;
        }

        @Override
        public Decision withReason(String newReason) {
            return new Stay(mode, observed, newReason, share);
        }

        @Override
        public Mode to() {
            return mode;
        }
    }

    /**
     * Write the weights of {@code to}.
     *
     * @param rule short text of what fired: "> 15 req/s for 0s", "override until …"
     * @param hold the override that drove the change, if one did
     * @param share for a spillover policy, the share it moves from and to
     * @param fallback why the burst side could not keep its traffic, when this change falls back to
     *                 natural because of the readiness gate
     */
    record Change(Mode from, Mode to, Observation observed, String rule, String reason, Optional<Hold> hold,
                  Optional<ShareMove> share, Optional<String> fallback) implements Decision {
        public Change {
            Objects.requireNonNull(fallback, "fallback");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(observed, "observed");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(share, "share");
            if (share.isPresent() ? !share.get().changes() || from == Mode.UNKNOWN : to == Mode.UNKNOWN || to == from) {
                throw new IllegalArgumentException("a change goes to another known mode or share, not " + from + " -> "
                        + to + share.map(move -> " (" + move.from() + "% -> " + move.to() + "%)").orElse(""));
            }
        }

        public Change(Mode from, Mode to, Observation observed, String rule, String reason, Optional<Hold> hold) {
            this(from, to, observed, rule, reason, hold, Optional.empty(), Optional.empty());
        }

        public Change(Mode from, Mode to, Observation observed, String rule, String reason, Optional<Hold> hold,
                      Optional<ShareMove> share) {
            this(from, to, observed, rule, reason, hold, share, Optional.empty());
        }

        @Override
        public Decision withReason(String newReason) {
            return new Change(from, to, observed, rule, newReason, hold, share, fallback);
        }
    }
}
