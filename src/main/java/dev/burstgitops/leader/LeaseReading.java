package dev.burstgitops.leader;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The leader-election Lease as a one-shot command reads it before writing beside a running
 * controller: held by a replica, free, or not readable. Read once, not campaigned for: the
 * command only wants to know whether a leader's loops are writing to the same clusters now.
 */
public sealed interface LeaseReading {

    /** A replica holds the lease; it expires at {@code expires} unless renewed (empty: the Lease records no time). */
    record Held(String holder, Optional<Instant> expires) implements LeaseReading {
    }

    /** Nobody leads: no Lease, a released one, or one whose holder stopped renewing it. */
    record Free(String why) implements LeaseReading {
    }

    /** The Lease could not be read (unreachable, forbidden): whether a replica leads is unknown. */
    record Unreadable(String reason) implements LeaseReading {
    }

    /**
     * What {@code lease} says at {@code now}: held until its last renewal (or acquisition) plus
     * its duration, as client-go's elector judges it; the renewal time is the holder's clock.
     *
     * @param lease the Lease read, null when there is none
     */
    static LeaseReading of(Lease lease, Instant now) {
        LeaseSpec spec = lease == null ? null : lease.getSpec();
        if (spec == null) {
            return new Free("no Lease");
        }
        String holder = spec.getHolderIdentity();
        if (holder == null || holder.isBlank()) {
            return new Free("released, held by nobody");
        }
        ZonedDateTime renewed = spec.getRenewTime() != null ? spec.getRenewTime() : spec.getAcquireTime();
        if (renewed == null || spec.getLeaseDurationSeconds() == null) {
            return new Held(holder, Optional.empty());
        }
        Instant expires = renewed.toInstant().plusSeconds(spec.getLeaseDurationSeconds());
        return now.isBefore(expires) ? new Held(holder, Optional.of(expires))
                : new Free("expired at " + expires + ", held last by " + holder);
    }
}
