package dev.burstgitops.leader;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.time.Instant;

/**
 * fabric8's {@link LeaseLock}, renewing with {@code update} (PUT) instead of a JSON merge patch.
 *
 * <p>Why: fabric8 7.x renews and releases the lease with a PATCH, which needs the RBAC verb
 * {@code patch}. Kubernetes' own leader election (client-go) uses {@code update}, and so does the
 * RBAC shipped in {@code apps/burst-gitops} (get, create, update on leases). An update carries
 * the resourceVersion last read, so the API server refuses it with 409 Conflict when another
 * candidate wrote in between: the same compare-and-swap the patch relied on.
 *
 * <p>It is also where a successful renew is known (fabric8's callbacks tell only the start and the
 * end of leadership), so it tells {@link RenewedLease} when each renew that held began.
 */
final class LeaderLeaseLock extends LeaseLock {

    private final String namespace;
    private final String name;
    private final RenewedLease renewed;
    private Lease lastSeen;
    /** When the elector's attempt in progress read the lease, on the monotonic and the wall clock. */
    private long attemptNanos;
    private Instant attemptWall = Instant.EPOCH;

    LeaderLeaseLock(String namespace, String name, String identity, RenewedLease renewed) {
        super(namespace, name, identity);
        this.namespace = namespace;
        this.name = name;
        this.renewed = renewed;
    }

    /** The elector reads the lease first in every attempt (acquire, renew, release): the attempt starts here. */
    @Override
    public synchronized LeaderElectionRecord get(KubernetesClient client) {
        attemptNanos = renewed.now();
        attemptWall = Instant.now();
        lastSeen = client.resources(Lease.class).inNamespace(namespace).withName(name).get();
        return lastSeen == null ? null : toRecord(lastSeen);
    }

    @Override
    public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
        lastSeen = client.resource(toResource(record, getObjectMeta(null))).create();
        wrote(record);
    }

    @Override
    public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
        if (lastSeen == null) {
            throw new IllegalStateException("the lease must be read or created before it is updated");
        }
        String expectedVersion = lastSeen.getMetadata().getResourceVersion();
        lastSeen = client.resource(toResource(record, getObjectMeta(expectedVersion))).update();
        wrote(record);
    }

    /**
     * The server stored {@code record}: a renew or acquisition when it names this replica, a
     * release otherwise. fabric8 takes the renew time it writes just before it reads the lease, so
     * the renewal counts from that instant: the attempt's start, moved back by however long the
     * wall clock says passed between the two (a pause right there would otherwise go unseen).
     */
    private void wrote(LeaderElectionRecord record) {
        if (!identity().equals(record.getHolderIdentity())) {
            renewed.lost();
            return;
        }
        long behind = record.getRenewTime() == null ? 0
                : Math.max(0, Duration.between(record.getRenewTime().toInstant(), attemptWall).toNanos());
        renewed.renewed(attemptNanos - behind);
    }
}
