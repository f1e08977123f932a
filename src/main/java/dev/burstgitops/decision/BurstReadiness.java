package dev.burstgitops.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether the burst side can take traffic, as last read: ready, or not ready since a time (the
 * start of the spell, so that the fallback measures how long it has been short, not how long
 * since the last poll).
 */
public sealed interface BurstReadiness {

    /** What a person reads: "Deployment default/worker in cluster burst has 0 of 1 replicas available". */
    String detail();

    /** The reading at {@code now}, continuing this spell of unreadiness if there is one. */
    default BurstReadiness next(boolean ready, String detail, Instant now) {
        if (ready) {
            return new Ready(detail);
        }
        return new NotReady(detail, this instanceof NotReady previous ? previous.since() : now);
    }

    /** Before the first reading: ready, so that the first not-ready reading starts the spell. */
    static BurstReadiness unknown() {
        return new Ready("not read yet");
    }

    record Ready(String detail) implements BurstReadiness {
        public Ready {
            Objects.requireNonNull(detail, "detail");
        }
    }

    record NotReady(String detail, Instant since) implements BurstReadiness {
        public NotReady {
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(since, "since");
        }

        public Duration lastedAt(Instant now) {
            return Duration.between(since, now);
        }
    }
}
