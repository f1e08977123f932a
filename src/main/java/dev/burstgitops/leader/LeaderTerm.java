package dev.burstgitops.leader;

import dev.burstgitops.sync.WriteFence;
import java.time.Duration;

/**
 * One term of leadership as a set of loops lives it: it begins at most once, and once it is over
 * it stays over. The loops start passes while it {@link #running() runs}; their writes go on while
 * it {@link #holds() holds}: from {@link #begin} until {@link #end()} (the lease is lost), and
 * through a {@link #close()} (a clean stop, the lease still held), so that the pass in flight
 * finishes.
 *
 * <p>Why one-way: the elector keeps campaigning until its gate closes, and {@code run} closes the
 * gate only after the loops (the lease is released last). A lease lost, or a close begun, and then
 * the lease won again in that window, reports "leading" to loops that are stopping: they must
 * neither start again nor let the pass they are finishing write again. {@code run} exits after a
 * lost lease, so no term ever needs a second one.
 *
 * <p>A term begins on a {@link LeaseWindow}: a write holds only if the lease, as last renewed, also
 * outlasts the write's request ({@link #holdsFor}). The term itself ends only once the elector
 * notices the loss, and a paused replica resumes with both the elector and its passes paused.
 */
public final class LeaderTerm implements WriteFence {

    private enum State { NOT_BEGUN, RUNNING, CLOSING, OVER }

    private volatile State state = State.NOT_BEGUN;
    private volatile LeaseWindow lease = LeaseWindow.UNBOUNDED;

    /** {@link #begin(LeaseWindow, Runnable)} with no lease to run out: a single replica. */
    public boolean begin(Runnable start) {
        return begin(LeaseWindow.UNBOUNDED, start);
    }

    /**
     * Begins the term on {@code lease} and runs {@code start} (which starts the loops), unless it
     * began, closed or ended before: then nothing runs and the answer is false. A {@link #close()}
     * that comes meanwhile waits for {@code start} to return, so it closes loops that are started.
     */
    public synchronized boolean begin(LeaseWindow lease, Runnable start) {
        if (state != State.NOT_BEGUN) {
            return false;
        }
        this.lease = lease;
        state = State.RUNNING;
        start.run();
        return true;
    }

    /** Whether passes may start: the term began and neither closing nor over. */
    public boolean running() {
        return state == State.RUNNING;
    }

    /** Whether the loops may write: while running, and while the passes in flight finish a clean stop. */
    @Override
    public boolean holds() {
        State now = state;
        return now == State.RUNNING || now == State.CLOSING;
    }

    /** Whether the loops may write, and the lease as last renewed outlasts a request of up to {@code requestDeadline}. */
    @Override
    public boolean holdsFor(Duration requestDeadline) {
        return holds() && lease.outlasts(requestDeadline);
    }

    /** Whether the term can no longer begin or run: closing or over. */
    public boolean stopping() {
        State now = state;
        return now == State.CLOSING || now == State.OVER;
    }

    /** A clean stop: no pass starts any more, the one in flight may still write; the term never begins again. */
    public synchronized void close() {
        state = state == State.RUNNING || state == State.CLOSING ? State.CLOSING : State.OVER;
    }

    /**
     * The lease is lost: nothing writes any more, and the term never begins again. Locked like
     * {@link #close()}, so that a close reading "running" cannot raise the fence again after it.
     */
    public synchronized void end() {
        state = State.OVER;
    }
}
