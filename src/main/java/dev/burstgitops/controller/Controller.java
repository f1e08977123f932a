package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.leader.LeaderIdentity;
import dev.burstgitops.leader.LeaderTerm;
import dev.burstgitops.leader.LeaseWindow;
import dev.burstgitops.metrics.MetricsHistory;
import dev.burstgitops.metrics.MetricsSource;
import dev.burstgitops.status.ControllerEvents;
import dev.burstgitops.status.ControllerStatus;
import dev.burstgitops.status.Observability;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running controller: the burst loop and the sync loop, each with its own working copy,
 * wired so that the burst loop's own commit is synced at once instead of at the next poll.
 * Metrics and health are reported to an {@link Observability} given by {@link #reportTo} before
 * {@link #start()}; other listeners attach through {@link #burstLoop()} and {@link #syncLoop()}.
 */
public final class Controller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

    private final BurstGitopsConfig config;
    private final JGitWorkspace burstWorkspace;
    private final JGitWorkspace syncWorkspace;
    private final BurstLoop loop;
    private final BurstScheduler scheduler = new BurstScheduler();
    private final SyncLoop sync;
    private final List<ClusterSync> clusters;
    private final ControllerStatus status;
    private final Optional<ControllerEvents> events;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** One term: once halted or closed, a lease won again starts nothing (see {@link LeaderTerm}). */
    private final LeaderTerm term = new LeaderTerm();

    private Controller(BurstGitopsConfig config, MetricsSource metrics, Optional<MetricsHistory> history, Clock clock)
            throws ConfigException {
        this.config = config;
        this.status = new ControllerStatus(clock);
        this.burstWorkspace = Adapters.workspace(config, clock);
        this.syncWorkspace = Adapters.syncWorkspace(config, clock);
        this.loop = BurstLoop.create(config, metrics, history, burstWorkspace, clock);
        this.clusters = ClusterSyncs.connect(config, Optional.empty());
        this.sync = new SyncLoop(syncWorkspace, clusters, config.git().pollInterval(), config.sync().interval(), clock);
        scheduler.onPass(status::recordPass);
        scheduler.onFailure(status::recordPassFailure);
        sync.onClusterPass(status::recordClusterPass);
        // Events go to the cluster named primary, or the first.
        this.events = ControllerEvents.connect(config, config.cluster("primary")
                .or(() -> config.clusters().stream().findFirst()).map(cluster -> ClusterSyncs.target(config, cluster)),
                burstWorkspace.directory(), LeaderIdentity.ofThisProcess(), clock);
        events.ifPresent(recorder -> {
            scheduler.onPass(recorder::onPass);
            sync.onClusterPass(recorder::onClusterPass);
            sync.onRefusedHead(recorder::onRefusedHead);
        });
        // The burst loop's own commit reaches the clusters now, not at the next poll.
        scheduler.onPass(result -> result.commit().ifPresent(commit -> sync.trigger("burst loop commit " + commit)));
    }

    /** Builds the controller; nothing runs until {@link #start()}. */
    public static Controller create(BurstGitopsConfig config, MetricsSource metrics, Clock clock)
            throws ConfigException {
        return new Controller(config, metrics, Optional.empty(), clock);
    }

    /** Builds the controller with the configured Prometheus. */
    public static Controller create(BurstGitopsConfig config, Clock clock) throws ConfigException {
        MetricsSource metrics = config.policies().isEmpty() ? promql -> {
            throw new IllegalStateException("no policies");
        } : Adapters.prometheus(config);
        // Each policy's first pass restores its enterFor/exitFor progress from Prometheus' history.
        Optional<MetricsHistory> history = config.policies().isEmpty() ? Optional.empty()
                : Optional.of(Adapters.prometheusHistory(config));
        return new Controller(config, metrics, history, clock);
    }

    /**
     * Reports both loops' outcomes to {@code observability} (metrics, health, readiness) and the
     * fetches to {@link #status()}; call before {@link #start()}, once this replica leads (or at
     * once without leader election). Ignored once halted or closed: nothing of it leads any more.
     */
    public void reportTo(Observability observability) {
        if (term.stopping()) {
            return;
        }
        observability.declare(config);
        scheduler.onPass(observability::recordPass);
        scheduler.onFailure(observability::recordPassFailure);
        sync.onFetch(head -> status.recordFetch(sync.fetchStatus()));
        sync.onPolled(() -> {
            observability.recordPoll(sync.refusedHead().isPresent());
            status.recordFetch(sync.fetchStatus());
        });
        sync.onRefusedHead(refused -> observability.recordRefusedHead(refused.isPresent()));
        sync.onFetchFailure(e -> {
            observability.recordFetchFailure(sync.fetchStatus());
            status.recordFetch(sync.fetchStatus());
        });
        sync.onClusterPass(observability::recordClusterPass);
    }

    /** Starts both loops, once: after {@link #halt()} or {@link #close()} began, never again. */
    public void start() {
        start(LeaseWindow.UNBOUNDED);
    }

    /** {@link #start()}, each write to a cluster to end within {@code lease} as this replica last renewed it. */
    public void start(LeaseWindow lease) {
        if (!term.begin(() -> {
            LOG.info("starting: {} polic{}, {} cluster{}", config.policies().size(),
                    config.policies().size() == 1 ? "y" : "ies", clusters.size(), clusters.size() == 1 ? "" : "s");
            scheduler.start(loop, config.policies());
            sync.start(lease);
        })) {
            LOG.warn("not starting the loops: this controller was halted or closed");
        }
    }

    public BurstScheduler burstLoop() {
        return scheduler;
    }

    public SyncLoop syncLoop() {
        return sync;
    }

    public ControllerStatus status() {
        return status;
    }

    /**
     * Stops both loops from starting any further pass, at once and without blocking: called when
     * the replica loses its lease, on the elector's thread. It also lowers the sync loop's write
     * fence, so a cluster pass already queued or running applies and prunes nothing more: from
     * here on the clusters are the new leader's. {@link #close()} follows.
     */
    public void halt() {
        term.end();
        scheduler.halt();
        sync.halt();
    }

    /** Stops both loops, letting an in-flight commit or apply finish, then releases the clients. */
    @Override
    public void close() {
        term.close();
        if (closed.getAndSet(true)) {
            return;
        }
        scheduler.close();
        loop.close();
        sync.close();
        events.ifPresent(ControllerEvents::close);
        for (ClusterSync cluster : clusters) {
            try {
                cluster.close();
            } catch (Exception e) {
                LOG.warn("closing the client of {}: {}", cluster.name(), e.toString());
            }
        }
        burstWorkspace.close();
        syncWorkspace.close();
        LOG.info("stopped");
    }
}
