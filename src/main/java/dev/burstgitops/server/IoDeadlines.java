package dev.burstgitops.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off a thread stuck in blocking socket I/O once its time is up. The JDK server reads
 * requests from a {@link java.nio.channels.SocketChannel} in blocking mode, which no socket
 * timeout applies to; but it is an interruptible channel: interrupting the reading thread closes
 * the connection and throws {@link java.nio.channels.ClosedByInterruptException} in that thread.
 * One timer thread serves every guard.
 */
final class IoDeadlines implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "http-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Guards the calling thread until the returned guard is closed, by that same thread, or until
     * {@code limit} has passed since {@code sinceNanos} ({@link System#nanoTime()}): time spent
     * waiting in a queue counts. A limit already passed interrupts at once.
     */
    Guard start(long sinceNanos, Duration limit) {
        long left = Math.max(0, limit.toNanos() - (System.nanoTime() - sinceNanos));
        Guard guard = new Guard(Thread.currentThread());
        guard.timeout = timer.schedule(guard::expire, left, TimeUnit.NANOSECONDS);
        return guard;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One guarded stretch of work on one thread. */
    static final class Guard implements AutoCloseable {

        private final Thread thread;
        private ScheduledFuture<?> timeout;
        private boolean done;
        private boolean expired;

        private Guard(Thread thread) {
            this.thread = thread;
        }

        private synchronized void expire() {
            if (!done) {
                expired = true;
                thread.interrupt();
            }
        }

        /** Whether the time ran out before the work was done. */
        synchronized boolean expired() {
            return expired;
        }

        @Override
        public void close() {
            timeout.cancel(false);
            synchronized (this) {
                done = true;
                // An interrupt delivered before this point must not reach the pool thread's next task.
                Thread.interrupted();
            }
        }
    }
}
