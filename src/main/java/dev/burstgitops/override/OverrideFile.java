package dev.burstgitops.override;

import dev.burstgitops.decision.Hold;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.manifest.SourceLocation;
import java.time.Instant;
import java.util.Objects;

/**
 * A valid {@code overrides/<policy>.yaml}: a person's instruction, merged through a pull
 * request, to keep a policy in a mode until a time.
 */
public record OverrideFile(String policy, Mode mode, Instant until, String reason, SourceLocation source) {

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

    public boolean expiredAt(Instant now) {
        return !now.isBefore(until);
    }

    /** What the decision needs of it. */
    public Hold asHold() {
        return new Hold(mode, until, reason, source.file());
    }
}
