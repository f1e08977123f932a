package dev.burstgitops.leader;

import dev.burstgitops.config.LeaderElectionConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;

/**
 * Lets the controller run its loops only while this replica leads:
 * {@code gate.whileLeading(startLoops, stopLoops)}. With leader election disabled the replica
 * always leads: {@code start} runs at once and {@code stop} on {@link #close()}, so the controller
 * is written one way for both cases.
 *
 * <p>With election enabled {@code start} and {@code stop} run on the elector's thread, possibly
 * several times over the life of the process (leadership lost, then won again), always in turn;
 * they must return quickly. The elector campaigns until the gate closes, so {@code start} may come
 * again after the loops were halted or while they close: loops that must not run again refuse it
 * themselves, as the controller's do ({@link LeaderTerm}).
 */
public final class LeaderGate implements AutoCloseable {

    private final LeaderElection election;
    private Runnable stop;
    private boolean running;

    private LeaderGate(LeaderElection election) {
        this.election = election;
    }

    /** A gate for a single replica without election: always open. */
    public static LeaderGate alwaysOpen() {
        return new LeaderGate(null);
    }

    /** A gate open while {@code election} holds the lease; closing the gate closes the election. */
    public static LeaderGate openWhileLeading(LeaderElection election) {
        return new LeaderGate(Objects.requireNonNull(election, "election"));
    }

    /** The gate the configuration asks for, campaigning as this process when election is enabled. */
    public static LeaderGate forConfig(LeaderElectionConfig config, KubernetesClient primary) {
        return config.enabled()
                ? openWhileLeading(LeaderElection.forThisProcess(primary, config))
                : alwaysOpen();
    }

    /** Runs {@code start} when this replica begins to lead and {@code stop} when it stops or the gate closes. */
    public synchronized void whileLeading(Runnable start, Runnable stop) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        if (this.stop != null) {
            throw new IllegalStateException("whileLeading may be called once");
        }
        this.stop = stop;
        if (election == null) {
            running = true;
            start.run();
        } else {
            election.start(start, stop);
        }
    }

    /** The lease the loops' writes must end within; {@link LeaseWindow#UNBOUNDED} without election. */
    public LeaseWindow lease() {
        return election == null ? LeaseWindow.UNBOUNDED : election.lease();
    }

    /** Whether the loops may write now. */
    public synchronized boolean isOpen() {
        return election == null ? running : election.isLeader();
    }

    @Override
    public void close() {
        if (election != null) {
            // A leader releases the lease and the election runs stop before close returns.
            election.close();
            return;
        }
        Runnable stopNow;
        synchronized (this) {
            stopNow = running ? stop : null;
            running = false;
        }
        if (stopNow != null) {
            stopNow.run();
        }
    }
}
