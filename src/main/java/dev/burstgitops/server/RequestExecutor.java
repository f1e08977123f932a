package dev.burstgitops.server;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK server's executor: a bounded pool on which every request has at most
 * {@code requestTimeout} from its first byte to the end of its handler.
 *
 * <p>The JDK server hands a connection to its executor as soon as the first byte arrives, and
 * the request line and headers are then read <em>on the executor thread</em>, before any
 * handler (or path) is known. So a client sending its headers a byte a second holds a thread
 * whatever the route, and with a small pool it starves the probes. Here such a client is cut off
 * after {@code requestTimeout} ({@link IoDeadlines}); the pool is larger than a handful of slow
 * clients, so the probes keep a thread meanwhile; and past the pool and its queue a connection
 * is closed at once rather than waiting (the JDK server closes it when the executor refuses).
 * Webhook bodies are read elsewhere ({@link OffloadedHandler}), so only the request head and the
 * quick answers run here.
 */
final class RequestExecutor implements Executor, AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final IoDeadlines deadlines;
    private final Duration requestTimeout;

    RequestExecutor(String name, int threads, int queue, IoDeadlines deadlines, Duration requestTimeout) {
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), daemonThreads(name), new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
        this.deadlines = deadlines;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void execute(Runnable task) {
        long arrived = System.nanoTime();
        pool.execute(() -> {
            try (IoDeadlines.Guard ignored = deadlines.start(arrived, requestTimeout)) {
                task.run();
            }
        });
    }

    /** Runs on this pool without a deadline of its own: the task guards itself. */
    void executeUnguarded(Runnable task) {
        pool.execute(task);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            // Shutdown is driven by the run command, not by waiting for idle request threads.
            thread.setDaemon(true);
            return thread;
        };
    }
}
