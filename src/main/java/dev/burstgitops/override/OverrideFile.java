package dev.burstgitops.override;

import dev.burstgitops.decision.Hold;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.decision.Suspension;
import dev.burstgitops.manifest.SourceLocation;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid {@code overrides/<policy>.yaml}: a person's instruction, merged through a pull
 * request, to keep a policy in a mode until a time, or to suspend it ({@code mode: suspend}:
 * the controller leaves its weights alone).
 *
 * @param mode the mode to hold; empty for a suspension
 */
public record OverrideFile(String policy, Optional<Mode> mode, Instant until, String reason, SourceLocation source) {

    /** The {@code mode:} value that suspends a policy. */
    public static final String SUSPEND = "suspend";

    public OverrideFile {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
    }

    /** The repository path of an override for {@code policy}. */
    public static String pathFor(String policy) {
        return "overrides/" + policy + ".yaml";
    }

    /**
     * Reads a {@code mode:} value: a mode to hold, or empty for {@code suspend}.
     *
     * @throws IllegalArgumentException for anything else, saying what is allowed
     */
    public static Optional<Mode> parseTarget(String text) {
        if (text != null && SUSPEND.equals(text.trim().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Mode.parseTarget(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be natural, burst or suspend, not '" + text + "'");
        }
    }

    /** {@code burst}, {@code natural} or {@code suspend}, as the file writes it. */
    public String target() {
        return mode.map(Mode::label).orElse(SUSPEND);
    }

    public boolean suspends() {
        return mode.isEmpty();
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(until);
    }

    /** What the decision needs of a hold; empty for a suspension. */
    public Optional<Hold> asHold() {
        return mode.map(held -> new Hold(held, until, reason, source.file()));
    }

    /** What the controller needs of a suspension; empty for a hold. */
    public Optional<Suspension> asSuspension() {
        return suspends() ? Optional.of(new Suspension(until, reason, source.file())) : Optional.empty();
    }
}
