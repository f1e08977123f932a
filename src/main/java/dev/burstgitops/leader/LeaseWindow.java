package dev.burstgitops.leader;

import java.time.Duration;

/**
 * Whether this replica can still count on its lease for as long as one request may take. A
 * leader's writes are fenced by it as well as by its {@link LeaderTerm}: the term ends only once the
 * elector notices the loss, and a replica that was paused (SIGSTOP, a long GC pause, a throttled
 * container) resumes with its term still running and its lease long gone.
 */
@FunctionalInterface
public interface LeaseWindow {

    /** No lease to run out: a single replica, or leader election disabled. */
    LeaseWindow UNBOUNDED = requestDeadline -> true;

    /** Whether a request started now and taking up to {@code requestDeadline} ends before the lease can run out. */
    boolean outlasts(Duration requestDeadline);
}
