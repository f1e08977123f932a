package dev.burstgitops.cli;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.LeaderElectionConfig;
import dev.burstgitops.leader.LeaseReading;
import dev.burstgitops.leader.Leadership;
import java.time.Clock;
import java.util.Optional;

/**
 * Why a one-shot command must not write to the clusters now: with leader election on, another
 * replica holds the Lease, and its sync loop writes to the same clusters behind a fence this
 * command does not have. A Lease that is absent, released or expired lets the command write. The
 * check is a single read: a replica may still take the lease a moment later.
 */
final class LiveLeader {

    private LiveLeader() {
    }

    /** The refusal to print, or empty when the command may write. */
    static Optional<String> refusal(BurstGitopsConfig config, Clock clock) {
        LeaderElectionConfig election = config.leaderElection();
        if (!election.enabled()) {
            return Optional.empty();
        }
        String lease = "Lease " + election.namespace() + "/" + election.leaseName();
        LeaseReading reading = Leadership.readLease(config, clock);
        if (reading instanceof LeaseReading.Held held) {
            return Optional.of("not writing: " + held.holder() + " holds " + lease + " "
                    + held.expires().map(at -> "until " + at + " (unless renewed)").orElse("(no expiry recorded)")
                    + " and its sync loop writes to these clusters; stop it or wait for its lease to expire,"
                    + " or pass --ignore-leader to write beside it");
        }
        if (reading instanceof LeaseReading.Unreadable unreadable) {
            return Optional.of("not writing: cannot read " + lease + " to tell whether a replica leads ("
                    + unreadable.reason() + "); pass --ignore-leader to write anyway");
        }
        return Optional.empty();
    }
}
