package dev.burstgitops.controller;

import dev.burstgitops.backoff.Backoff;
import dev.burstgitops.gitops.GitWorkspace;
import dev.burstgitops.gitops.RevisionTree;
import dev.burstgitops.gitops.RevisionTrees;
import dev.burstgitops.gitops.Revisions;
import dev.burstgitops.gitops.UnverifiedHeadException;
import dev.burstgitops.leader.LeaderTerm;
import dev.burstgitops.leader.LeaseWindow;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.status.FetchStatus;
import dev.burstgitops.status.RefusedHead;
import dev.burstgitops.sync.WriteFence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync loop of {@code run}. A tick fetches the repository every {@code pollInterval} (or
 * at once when triggered: the burst loop's own commit, a webhook), exports the fetched revision
 * into a tree of its own ({@link RevisionTrees}), and hands that tree to the worker of every
 * cluster whose revision changed or whose last pass is older than {@code sync.interval} (drift
 * correction). Each worker renders and applies on its own thread, so that no cluster's content
 * delays the fetches or another cluster.
 *
 * <p>One {@link LeaderTerm}: while it runs, ticks start passes; while it holds, it is the
 * {@link WriteFence} every pass writes behind. {@link #halt()} (the lease is lost) ends it, so that
 * a pass already queued or running writes nothing more; {@link #close()} (a clean stop, lease still
 * held) stops only the passes to come, so that the pass in flight finishes. Either is for good: a
 * lease won again afterwards starts nothing and raises no fence.
 */
public final class SyncLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);
    /** The longest a failing cluster waits between tries; a new revision is tried at once. */
    static final Duration MAX_CLUSTER_BACKOFF = Duration.ofMinutes(5);

    private final GitWorkspace workspace;
    private final Duration pollInterval;
    private final Duration resyncInterval;
    private final Clock clock;
    private final List<Consumer<ClusterPassResult>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Exception>> fetchFailureListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> fetchListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Optional<RefusedHead>>> refusalListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> pollListeners = new CopyOnWriteArrayList<>();
    private final List<ClusterWorker> workers = new ArrayList<>();
    private final RevisionTrees trees;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sync-git");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean triggered = new AtomicBoolean();
    private final LeaderTerm term = new LeaderTerm();
    private volatile Instant lastFetch = Instant.EPOCH;
    private volatile String head;
    private volatile FetchStatus fetchStatus = FetchStatus.none();
    private volatile Optional<RefusedHead> refusedHead = Optional.empty();
    /** The tree of {@link #head}; touched by the loop's thread only. */
    private RevisionTree tree;

    public SyncLoop(GitWorkspace workspace, List<ClusterSync> clusters, Duration pollInterval,
                    Duration resyncInterval, Clock clock) {
        this.workspace = workspace;
        this.pollInterval = pollInterval;
        this.resyncInterval = resyncInterval;
        this.clock = clock;
        this.trees = new RevisionTrees(workspace, RevisionTrees.besides(workspace.directory()));
        Backoff failingCluster = clusterBackoff(tick(pollInterval, resyncInterval));
        for (ClusterSync cluster : clusters) {
            workers.add(new ClusterWorker(cluster, term, clock, failingCluster, listeners));
        }
    }

    /** Told about every cluster pass, on that cluster's thread. */
    public void onClusterPass(Consumer<ClusterPassResult> listener) {
        listeners.add(listener);
    }

    /** Told when a fetch fails (the loop retries at the next tick). */
    public void onFetchFailure(Consumer<Exception> listener) {
        fetchFailureListeners.add(listener);
    }

    /** Told after every successful fetch, with the head it found. */
    public void onFetch(Consumer<String> listener) {
        fetchListeners.add(listener);
    }

    /**
     * Told when the fetched head is refused (not signed by an allowed key), and with an empty
     * value when a verified head ends the refusal; once per change, not at every poll.
     */
    public void onRefusedHead(Consumer<Optional<RefusedHead>> listener) {
        refusalListeners.add(listener);
    }

    /**
     * Told after every poll that reached the remote, whether its head was taken or refused: the
     * fetch loop is alive in both cases.
     */
    public void onPolled(Runnable listener) {
        pollListeners.add(listener);
    }

    /** The head that is being refused now, if any; the clusters keep the revision last applied meanwhile. */
    public Optional<RefusedHead> refusedHead() {
        return refusedHead;
    }

    /** The fetches so far: the last that worked, the failures in a row since. */
    public FetchStatus fetchStatus() {
        return fetchStatus;
    }

    /** Starts the loop, its writes bounded by {@code lease}; false, starting nothing, once it was halted or closed. */
    public boolean start(LeaseWindow lease) {
        return term.begin(lease, () -> {
            triggered.set(true);
            ticker.scheduleWithFixedDelay(this::tick, 0, tick(pollInterval, resyncInterval).toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    /** How often the loop looks for work: the shorter of the two intervals, at least 100 ms. */
    static Duration tick(Duration pollInterval, Duration resyncInterval) {
        return Duration.ofMillis(Math.max(100, Math.min(pollInterval.toMillis(), resyncInterval.toMillis())));
    }

    /**
     * A cluster whose pass could not run is tried again after a tick, then after twice as long,
     * and so on up to {@link #MAX_CLUSTER_BACKOFF}, with equal jitter: so that a cluster down for
     * an hour is not asked every tick, while the first retry comes as soon as it did before.
     */
    static Backoff clusterBackoff(Duration tick) {
        return new Backoff(tick, tick.compareTo(MAX_CLUSTER_BACKOFF) > 0 ? tick : MAX_CLUSTER_BACKOFF,
                Backoff.EQUAL_JITTER);
    }

    /** Fetch and sync now, without waiting for the next poll; cheap to call often (coalesced). */
    public void trigger(String reason) {
        // A standby replica, or one that lost its lease, must not apply: triggers are ignored then.
        if (term.running() && triggered.compareAndSet(false, true)) {
            LOG.debug("sync triggered: {}", reason);
            ticker.execute(this::tick);
        }
    }

    /** The revision the loop last fetched, if any. */
    public String head() {
        return head;
    }

    /**
     * For a replica that has just lost its lease: at once and without waiting, stops starting
     * passes and lowers the fence, so no pass queued or running writes anything more.
     */
    public void halt() {
        term.end();
    }

    private void tick() {
        if (!term.running()) {
            return;
        }
        boolean fetchDue = triggered.getAndSet(false) || !clock.instant().isBefore(lastFetch.plus(pollInterval));
        if (fetchDue) {
            fetch();
        }
        // While Git fails, drift is still corrected to the last revision fetched.
        if (tree == null) {
            return;
        }
        try {
            for (ClusterWorker worker : workers) {
                if (term.running() && worker.wants(tree.revision(), resyncInterval)) {
                    worker.submit(tree);
                }
            }
        } catch (RuntimeException e) {
            // Never thrown out of a tick: the executor would cancel every later one.
            LOG.error("could not hand {} to the clusters", Revisions.shortId(tree.revision()), e);
        }
    }

    private void fetch() {
        try {
            String fetched = workspace.refresh();
            // Part of the fetch: a revision the clusters cannot be given counts as not fetched.
            tree = trees.of(fetched);
            head = fetched;
            lastFetch = clock.instant();
            fetched(fetched);
            refusalEnded(fetched);
            pollListeners.forEach(Runnable::run);
        } catch (UnverifiedHeadException e) {
            // The fetch itself worked: not a failure towards /healthz, and no retry before the next poll.
            lastFetch = clock.instant();
            refused(e);
            pollListeners.forEach(Runnable::run);
        } catch (Exception e) {
            fetchFailed(e);
        }
    }

    /**
     * The clusters keep the tree last applied (drift is still corrected towards it); a new head
     * is applied only once a commit signed by an allowed key lands on top.
     */
    private void refused(UnverifiedHeadException e) {
        Optional<RefusedHead> before = refusedHead;
        if (before.isPresent() && before.get().revision().equals(e.revision())) {
            fetchStatus = fetchStatus.refused(before.get(), clock.instant());
            return;
        }
        refusedHead = Optional.of(new RefusedHead(e.revision(), e.getMessage(), clock.instant()));
        fetchStatus = fetchStatus.refused(refusedHead.get(), clock.instant());
        LOG.warn("{}; applying and pruning nothing from it, the clusters stay at {}", e.getMessage(),
                tree == null ? "what they run" : Revisions.shortId(tree.revision()));
        refusalListeners.forEach(listener -> listener.accept(refusedHead));
    }

    private void refusalEnded(String fetched) {
        if (refusedHead.isEmpty()) {
            return;
        }
        LOG.info("head {} is signed by an allowed key; syncing it", Revisions.shortId(fetched));
        refusedHead = Optional.empty();
        refusalListeners.forEach(listener -> listener.accept(Optional.empty()));
    }

    private void fetched(String fetched) {
        FetchStatus before = fetchStatus;
        fetchStatus = before.succeeded(fetched, clock.instant());
        if (before.consecutiveFailures() > 0) {
            LOG.info("fetch works again, at {}, after {} failed in a row since {}", Revisions.shortId(fetched),
                    before.consecutiveFailures(), before.failingSince().orElseThrow());
        }
        fetchListeners.forEach(listener -> listener.accept(fetched));
    }

    /** Logged when the failures start and when they end, not at every poll between. */
    private void fetchFailed(Exception e) {
        String error = String.valueOf(e.getMessage());
        fetchStatus = fetchStatus.failed(error, clock.instant());
        if (fetchStatus.consecutiveFailures() == 1) {
            LOG.warn("fetch failed, retrying every poll (logged again once it works): {}", error);
        } else {
            LOG.debug("fetch failed again ({} in a row): {}", fetchStatus.consecutiveFailures(), error);
        }
        fetchFailureListeners.forEach(listener -> listener.accept(e));
    }

    @Override
    public void close() {
        term.close();
        ticker.shutdown();
        try {
            ticker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.forEach(ClusterWorker::close);
        trees.close();
    }
}
