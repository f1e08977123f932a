package dev.burstgitops.leader;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * This replica's lease as it last renewed it, timed on the monotonic clock ({@link System#nanoTime}).
 * The other candidates take the lease over {@code leaseDuration} after its last renewal; a request
 * this replica starts must end before then. Told by {@link LeaderLeaseLock}, the one place that
 * knows a renew succeeded: fabric8's elector reports only the start and the end of leadership.
 *
 * <p>Why not the wall clock: a paused process wakes with its wall clock right but its view of the
 * lease stale, and a wall clock stepped by NTP would stretch or shrink the lease. The monotonic
 * clock keeps counting through a pause, so after a freeze longer than the lease the very first
 * check fails, before the elector's thread has run at all.
 */
final class RenewedLease implements LeaseWindow {

    private final Duration leaseDuration;
    private final LongSupplier nanoTime;
    /** Guarded by volatile: the elector's thread writes, the threads of every pass read. */
    private volatile Renewal last;

    private record Renewal(long at) {
    }

    RenewedLease(Duration leaseDuration, LongSupplier nanoTime) {
        this.leaseDuration = leaseDuration;
        this.nanoTime = nanoTime;
    }

    /** The monotonic clock's reading now, in nanoseconds. */
    long now() {
        return nanoTime.getAsLong();
    }

    /**
     * A renew (or the acquisition) that began at {@code startedAt} succeeded. Its start, not its
     * end, counts: the Lease records a renew time taken before the request was sent, and the other
     * candidates measure the lease from that.
     */
    void renewed(long startedAt) {
        Renewal before = last;
        if (before == null || startedAt - before.at() > 0) {
            last = new Renewal(startedAt);
        }
    }

    /** The lease was released or taken by another replica: nothing to count on any more. */
    void lost() {
        last = null;
    }

    @Override
    public boolean outlasts(Duration requestDeadline) {
        Renewal renewal = last;
        return renewal != null && outlasts(renewal.at(), now(), leaseDuration, requestDeadline);
    }

    /**
     * The decision, on readings of the monotonic clock: a request started at {@code now} and
     * taking up to {@code requestDeadline} ends before a lease renewed at {@code renewedAt} runs
     * out. Strictly before: a request ending as the lease ends may land in the next holder's term.
     */
    static boolean outlasts(long renewedAt, long now, Duration leaseDuration, Duration requestDeadline) {
        // A difference of nanoTime readings, never a comparison of them: only differences are meaningful.
        long left = leaseDuration.toNanos() - (now - renewedAt);
        return left > requestDeadline.toNanos();
    }
}
