package dev.burstgitops.leader;

import dev.burstgitops.config.LeaderElectionConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a {@code coordination.k8s.io} Lease in the primary cluster, so that of several
 * replicas only one writes to Git and to the clusters. Built on fabric8's {@code LeaderElector}.
 *
 * <p><b>Callbacks run on the elector's thread</b>, inside its renew step: they must return quickly
 * (hand work to the controller's own executor) and must not call back into this object. While
 * {@code onStoppedLeading} runs, no renewal happens. {@code onStoppedLeading} runs when this
 * replica is no longer sure it holds the lease: another replica took it, or no renewal succeeded
 * within {@code renewDeadline}, or {@link #close()}. The controller stops writing there.
 *
 * <p>After losing the lease the replica stands as a candidate again, so a single replica that
 * lost its lease to an API-server outage leads again once the API server is back.
 *
 * <p>{@link #close()} releases the lease (empties its holder), so a successor takes over at once
 * instead of waiting for the lease to expire.
 */
public final class LeaderElection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    private final KubernetesClient leaseClient;
    private final LeaderElectionConfig config;
    private final String identity;
    private final AtomicBoolean leading = new AtomicBoolean();
    private final RenewedLease renewed;
    private Runnable onStartedLeading;
    private Runnable onStoppedLeading;
    private CompletableFuture<?> campaign;
    private boolean closed;

    /**
     * @param primary  the primary cluster's client; only its connection settings are used, the
     *                 election talks through a client of its own (see {@link #leaseClientFor})
     * @param identity this replica's holder identity, unique among the replicas
     */
    public LeaderElection(KubernetesClient primary, LeaderElectionConfig config, String identity) {
        this.config = Objects.requireNonNull(config, "config");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.leaseClient = leaseClientFor(primary, config);
        this.renewed = new RenewedLease(config.leaseDuration(), System::nanoTime);
    }

    /** An election whose identity is this process's ({@link LeaderIdentity#ofThisProcess()}). */
    public static LeaderElection forThisProcess(KubernetesClient primary, LeaderElectionConfig config) {
        return new LeaderElection(primary, config, LeaderIdentity.ofThisProcess());
    }

    /**
     * Starts campaigning. Returns at once; the callbacks follow on the elector's thread.
     *
     * @throws IllegalStateException when the lease namespace does not exist: a deployment error
     *                               no retry fixes, and a replica that can never lead must say so
     */
    public synchronized void start(Runnable startedLeading, Runnable stoppedLeading) {
        if (onStartedLeading != null) {
            throw new IllegalStateException("leader election already started");
        }
        onStartedLeading = Objects.requireNonNull(startedLeading, "startedLeading");
        onStoppedLeading = Objects.requireNonNull(stoppedLeading, "stoppedLeading");
        requireLeaseNamespace();
        LOG.info("leader election: {} campaigns for Lease {}/{}", identity, config.namespace(), config.leaseName());
        campaign();
    }

    /** Whether this replica holds the lease as far as it knows; false from the moment it doubts. */
    public boolean isLeader() {
        return leading.get();
    }

    public String identity() {
        return identity;
    }

    /**
     * The lease as this replica last renewed it, on the monotonic clock: a leader's writes are fenced
     * by it too, so that a replica that was paused stops before its first write, even before its
     * elector (paused as well) notices the loss.
     */
    public LeaseWindow lease() {
        return renewed;
    }

    /** Stops campaigning; a leader releases the lease and runs {@code onStoppedLeading} before this returns. */
    @Override
    public void close() {
        CompletableFuture<?> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = campaign;
        }
        if (running != null) {
            // Completes the elector's renew loop in this thread: it releases the lease first.
            running.cancel(true);
        }
        leaseClient.close();
    }

    private synchronized void campaign() {
        if (closed) {
            return;
        }
        campaign = leaseClient.leaderElector().withConfig(electorConfig()).build().start();
        campaign.whenComplete((ignored, failure) -> campaignEnded());
    }

    private void campaignEnded() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        LOG.info("leader election: {} is a candidate again in {}", identity, config.retryPeriod());
        CompletableFuture.runAsync(this::campaign,
                CompletableFuture.delayedExecutor(config.retryPeriod().toMillis(), TimeUnit.MILLISECONDS));
    }

    private io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig electorConfig() {
        return new LeaderElectionConfigBuilder()
                .withName("burst-gitops")
                .withLock(new LeaderLeaseLock(config.namespace(), config.leaseName(), identity, renewed))
                .withLeaseDuration(config.leaseDuration())
                .withRenewDeadline(config.renewDeadline())
                .withRetryPeriod(config.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(this::startedLeading, this::stoppedLeading, this::newLeader))
                .build();
    }

    private void startedLeading() {
        if (leading.compareAndSet(false, true)) {
            LOG.info("leader election: {} leads (Lease {}/{})", identity, config.namespace(), config.leaseName());
            runCallback(onStartedLeading, "onStartedLeading");
        }
    }

    private void stoppedLeading() {
        // fabric8 may report the end of leadership twice (lease seen taken, then renew loop ends).
        if (leading.compareAndSet(true, false)) {
            renewed.lost();
            LOG.warn("leader election: {} no longer leads (Lease {}/{})", identity, config.namespace(),
                    config.leaseName());
            runCallback(onStoppedLeading, "onStoppedLeading");
        }
    }

    private void newLeader(String holder) {
        LOG.info("leader election: {} sees Lease {}/{} held by {}", identity, config.namespace(), config.leaseName(),
                holder == null || holder.isEmpty() ? "nobody" : holder);
    }

    private static void runCallback(Runnable callback, String name) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            // An exception must not end the elector's loop: it would stop renewing a lease it holds.
            LOG.error("leader election: {} failed", name, e);
        }
    }

    private void requireLeaseNamespace() {
        try {
            if (leaseClient.namespaces().withName(config.namespace()).get() == null) {
                throw new IllegalStateException("leaderElection.namespace: namespace " + config.namespace()
                        + " does not exist in the primary cluster; create it (apps/burst-gitops/namespace.yaml)");
            }
        } catch (KubernetesClientException e) {
            // Unreachable or forbidden now says nothing about the namespace: campaign, the elector retries.
            LOG.warn("leader election: cannot check namespace {}: {}", config.namespace(), e.getMessage());
        }
    }

    /**
     * A client of the election's own, on the primary cluster's connection settings, that never
     * spends longer than one retry period on a call and never retries inside one. fabric8's
     * defaults (several retries with exponential backoff) could keep a cut-off leader waiting
     * for an answer, and so writing, long past its renew deadline and into its successor's term.
     */
    static KubernetesClient leaseClientFor(KubernetesClient primary, LeaderElectionConfig config) {
        int callMillis = (int) Math.min(Integer.MAX_VALUE, config.retryPeriod().toMillis());
        Config leaseConfig = new ConfigBuilder(primary.getConfiguration())
                .withConnectionTimeout(callMillis)
                .withRequestTimeout(callMillis)
                .withRequestRetryBackoffLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(leaseConfig).build();
    }
}
