package dev.burstgitops.controller;

import dev.burstgitops.gitops.RevisionTree;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.backoff.Backoff;
import dev.burstgitops.backoff.RetryTimer;
import dev.burstgitops.sync.WriteFence;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Renders and applies revisions to one cluster on a thread of its own, so that a slow or
 * unreachable cluster, or a directory that is slow to render, never holds up another cluster or
 * the loop's fetches. It renders from the revision's exported {@link RevisionTree}, never from
 * the working copy the loop resets. Work is coalesced: while a pass runs, only the newest
 * submitted revision waits; older ones are superseded, never queued up.
 *
 * <p>Every pass runs behind the loop's {@link WriteFence}: a pass still queued when the fence goes
 * down (this replica lost its lease) is not started, and one running stops before its next write.
 * Halting the loop only stops new ticks; without the fence, work handed over just before would
 * still apply and prune under the new leader's feet.
 *
 * <p>A pass that could not run (the API server unreachable, or refusing the pass as a whole) is
 * retried with the sync loop's {@link Backoff}, not at every tick, and the backoff resets once a
 * pass runs. A new revision is not held back by it: it is tried at once.
 */
final class ClusterWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWorker.class);

    private final ClusterSync cluster;
    private final WriteFence fence;
    private final Clock clock;
    private final List<Consumer<ClusterPassResult>> listeners;
    private final ExecutorService executor;
    private final RetryTimer retry;
    private final AtomicReference<Job> pending = new AtomicReference<>();
    private volatile Instant lastPassAt = Instant.EPOCH;
    private volatile String lastRevision;
    private volatile String running;

    ClusterWorker(ClusterSync cluster, WriteFence fence, Clock clock, Backoff backoff,
                  List<Consumer<ClusterPassResult>> listeners) {
        this.cluster = cluster;
        this.retry = new RetryTimer(backoff, clock);
        this.fence = fence;
        this.clock = clock;
        this.listeners = listeners;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sync-" + cluster.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Whether {@code revision} is new to this cluster, or its last pass failed and the backoff is
     * over, or its last pass is older than {@code resyncAfter}; and not already queued or running:
     * a slow render is not started again on every tick.
     */
    boolean wants(String revision, java.time.Duration resyncAfter) {
        Job queued = pending.get();
        if (revision.equals(running) || queued != null && revision.equals(queued.revision())) {
            return false;
        }
        if (!revision.equals(lastRevision)) {
            return true;
        }
        return retry.failures() > 0 ? retry.due() : !clock.instant().isBefore(lastPassAt.plus(resyncAfter));
    }

    /** Queues a pass over {@code tree}, taking a reference to it that the pass gives back. */
    void submit(RevisionTree tree) {
        Job superseded = pending.getAndSet(new Job(tree.retain(), tree.revision()));
        if (superseded == null) {
            executor.execute(this::drain);
        } else {
            superseded.tree().release();
        }
    }

    private void drain() {
        Job job = pending.getAndSet(null);
        if (job == null) {
            return;
        }
        MDC.put("cluster", cluster.name());
        running = job.revision();
        try {
            ClusterPassResult result = fence.holds() ? run(job) : new ClusterPassResult.Failed(cluster.name(),
                    job.revision(), ClusterSync.NO_LONGER_LEADS + "; the queued pass was not started");
            lastRevision = job.revision();
            log(result);
            // A failed pass is retried once its backoff is over, not only at the next resync.
            if (result instanceof ClusterPassResult.Failed) {
                LOG.debug("retrying {} in {} ms at the earliest", cluster.name(), retry.failed().toMillis());
            } else {
                retry.succeeded();
            }
            listeners.forEach(listener -> listener.accept(result));
        } finally {
            running = null;
            job.tree().release();
            MDC.remove("cluster");
        }
    }

    private ClusterPassResult run(Job job) {
        lastPassAt = clock.instant();
        try {
            // Rendered here, not on the loop's thread: a directory slow to render delays only its own cluster.
            return cluster.run(cluster.render(job.tree().root()), job.revision(), job.tree().trailers(), false, fence);
        } catch (RuntimeException e) {
            // Nothing may escape: an exception would end this cluster's thread, and its syncs with it.
            return new ClusterPassResult.Failed(cluster.name(), job.revision(), e.toString());
        }
    }

    /** A synced pass is logged by the applier itself; here only what stopped a pass. */
    private static void log(ClusterPassResult result) {
        if (result instanceof ClusterPassResult.RenderFailed failed) {
            failed.problems().forEach(problem -> LOG.error("{}", problem));
        }
        if (!(result instanceof ClusterPassResult.Synced)) {
            LOG.warn("{}", result.summary());
        }
    }

    /** Finishes the pass in flight; one still queued is dropped, as the loop is stopping. */
    @Override
    public void close() {
        Job queued = pending.getAndSet(null);
        if (queued != null) {
            queued.tree().release();
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("sync of {} did not finish within 30s of shutdown", cluster.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Job(RevisionTree tree, String revision) {
    }
}
