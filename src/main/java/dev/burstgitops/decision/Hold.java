package dev.burstgitops.decision;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's instruction to keep a policy in one mode until a time, whatever the metric says
 * (an override file merged through a pull request). The decision only needs these four facts;
 * reading and validating the file is the {@code override} package's job.
 *
 * @param source the repository path that holds it, for the commit trailer
 */
public record Hold(Mode mode, Instant until, String reason, String source) {

    public Hold {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(source, "source");
        if (mode == Mode.UNKNOWN) {
            throw new IllegalArgumentException("a hold names natural or burst");
        }
    }

    public boolean inForceAt(Instant now) {
        return now.isBefore(until);
    }
}
