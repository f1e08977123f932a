package dev.burstgitops.controller;

import dev.burstgitops.backoff.Backoff;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.status.PassResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs each policy's pass every {@code interval} until closed. All passes run on one thread
 * because they share the working copy. A failed pass (Git unreachable, a broken file) is
 * logged once and retried with jittered exponential backoff, capped at a minute, so a long
 * outage does not hammer the remote. Closing lets the pass in flight finish its commit.
 */
public final class BurstScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BurstScheduler.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final ScheduledThreadPoolExecutor executor = singleThread();
    private final List<Consumer<PassResult>> listeners = new CopyOnWriteArrayList<>();
    private final List<PassFailureListener> failureListeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    /** Called after every successful pass, on the loop's thread (status, metrics, sync trigger). */
    public void onPass(Consumer<PassResult> listener) {
        listeners.add(listener);
    }

    public void onFailure(PassFailureListener listener) {
        failureListeners.add(listener);
    }

    public void start(BurstLoop loop, List<PolicyConfig> policies) {
        for (PolicyPass pass : loop.passes()) {
            Duration interval = policies.stream().filter(p -> p.name().equals(pass.policyName())).findFirst()
                    .orElseThrow().interval();
            executor.execute(() -> runAndReschedule(pass, interval, 0));
        }
    }

    private void runAndReschedule(PolicyPass pass, Duration interval, int failures) {
        if (stopped) {
            return;
        }
        int failed = failures;
        MDC.put("policy", pass.policyName());
        try {
            PassResult result = pass.run();
            failed = 0;
            if (result.commit().isPresent()) {
                LOG.info("{}", result.summary());
            } else {
                LOG.debug("{}", result.summary());
            }
            listeners.forEach(listener -> listener.accept(result));
        } catch (Exception e) {
            failed++;
            LOG.warn("pass failed ({} in a row), retrying: {}", failed, e.getMessage());
            for (PassFailureListener listener : failureListeners) {
                listener.failed(pass.policyName(), e);
            }
        } finally {
            MDC.remove("policy");
        }
        if (!stopped) {
            int failedInARow = failed;
            executor.schedule(() -> runAndReschedule(pass, interval, failedInARow),
                    delay(interval, failedInARow).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** After failures: twice the interval, doubling up to a minute, equal jitter; never sooner than the interval. */
    static Duration delay(Duration interval, int failures) {
        if (failures == 0) {
            return interval;
        }
        Duration twice = interval.multipliedBy(2);
        Backoff backoff = new Backoff(twice.compareTo(MAX_BACKOFF) < 0 ? twice : MAX_BACKOFF, MAX_BACKOFF,
                Backoff.EQUAL_JITTER);
        Duration wait = backoff.after(failures);
        return wait.compareTo(interval) < 0 ? interval : wait;
    }

    private static ScheduledThreadPoolExecutor singleThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "burst-loop");
            thread.setDaemon(true);
            return thread;
        });
        // A pass scheduled for later is dropped at shutdown rather than waited for: close()
        // waits for the pass in flight only.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /**
     * Stops starting passes, at once and without waiting: for a replica that has just lost its
     * lease and must not write again. The pass in flight, if any, still finishes.
     */
    public void halt() {
        stopped = true;
    }

    /** Stops scheduling and waits for the pass in flight, so a commit is never cut in half. */
    @Override
    public void close() {
        stopped = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a burst-loop pass did not finish within 30s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Told about every failed pass. */
    @FunctionalInterface
    public interface PassFailureListener {
        void failed(String policy, Exception cause);
    }
}
