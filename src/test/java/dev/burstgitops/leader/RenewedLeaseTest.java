package dev.burstgitops.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.sync.FencedException;
import dev.burstgitops.sync.WriteFence;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A leader's writes end within its lease as it last renewed it, on the monotonic clock: the
 * decision on clock readings, then the fence a term hands its passes, driven by a clock the test
 * moves (no sleeps).
 */
class RenewedLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final Duration REQUEST = Duration.ofSeconds(10);
    private static final long SECOND = 1_000_000_000L;

    /** A monotonic clock that starts far from zero, and near overflow in one test: only differences count. */
    private final AtomicLong nanos = new AtomicLong(7 * SECOND);
    private final RenewedLease lease = new RenewedLease(LEASE, nanos::get);

    @Test
    void aRequestMayStartOnlyWhileTheLeaseOutlastsItsDeadline() {
        long renewed = 1_000 * SECOND;

        assertThat(RenewedLease.outlasts(renewed, renewed, LEASE, REQUEST)).isTrue();
        assertThat(RenewedLease.outlasts(renewed, renewed + 4 * SECOND, LEASE, REQUEST)).isTrue();
        // Ending exactly as the lease ends is too late: the next holder may write at that instant.
        assertThat(RenewedLease.outlasts(renewed, renewed + 5 * SECOND, LEASE, REQUEST)).isFalse();
        assertThat(RenewedLease.outlasts(renewed, renewed + 60 * SECOND, LEASE, REQUEST)).isFalse();
    }

    @Test
    void theDecisionHoldsAcrossTheOverflowOfTheMonotonicClock() {
        long renewed = Long.MAX_VALUE - SECOND;

        assertThat(RenewedLease.outlasts(renewed, renewed + 2 * SECOND, LEASE, REQUEST)).isTrue();
        assertThat(RenewedLease.outlasts(renewed, renewed + 6 * SECOND, LEASE, REQUEST)).isFalse();
    }

    @Test
    void nothingOutlastsALeaseNeverRenewedOrLost() {
        assertThat(lease.outlasts(Duration.ZERO)).isFalse();

        lease.renewed(nanos.get());
        assertThat(lease.outlasts(REQUEST)).isTrue();

        lease.lost();
        assertThat(lease.outlasts(Duration.ZERO)).isFalse();
    }

    @Test
    void anOlderRenewalReportedLateDoesNotMoveTheLeaseBack() {
        long first = nanos.get();
        lease.renewed(first + 3 * SECOND);
        lease.renewed(first);

        nanos.set(first + 7 * SECOND);
        assertThat(lease.outlasts(REQUEST)).as("counted from the later renewal").isTrue();
    }

    @Test
    void aTermFencesWritesOnceThePauseOutlastsTheLeaseThoughItStillRuns() {
        LeaderTerm term = new LeaderTerm();
        term.begin(lease, () -> { });
        lease.renewed(nanos.get());
        WriteFence clusterWrites = term.forRequestsOf(REQUEST);
        clusterWrites.check();

        // SIGSTOP for 20 s: the elector's thread is paused too, so the term still runs on waking.
        nanos.addAndGet(20 * SECOND);

        assertThat(term.holds()).as("the term, which only the elector ends").isTrue();
        assertThat(clusterWrites.holds()).isFalse();
        assertThatThrownBy(clusterWrites::check).isInstanceOf(FencedException.class);
    }

    @Test
    void aTermWithoutALeaseFencesOnlyByItsState() {
        LeaderTerm term = new LeaderTerm();
        term.begin(() -> { });

        assertThat(term.forRequestsOf(Duration.ofDays(365)).holds()).isTrue();
        term.end();
        assertThat(term.forRequestsOf(Duration.ZERO).holds()).isFalse();
    }
}
