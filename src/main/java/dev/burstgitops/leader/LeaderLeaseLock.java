package dev.burstgitops.leader;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

/**
 * fabric8's {@link LeaseLock}, renewing with {@code update} (PUT) instead of a JSON merge patch.
 *
 * <p>Why: fabric8 7.x renews and releases the lease with a PATCH, which needs the RBAC verb
 * {@code patch}. Kubernetes' own leader election (client-go) uses {@code update}, and so does the
 * RBAC shipped in {@code apps/burst-gitops} (get, create, update on leases). An update carries
 * the resourceVersion last read, so the API server refuses it with 409 Conflict when another
 * candidate wrote in between: the same compare-and-swap the patch relied on.
 */
final class LeaderLeaseLock extends LeaseLock {

    private final String namespace;
    private final String name;
    private Lease lastSeen;

    LeaderLeaseLock(String namespace, String name, String identity) {
        super(namespace, name, identity);
        this.namespace = namespace;
        this.name = name;
    }

    @Override
    public synchronized LeaderElectionRecord get(KubernetesClient client) {
        lastSeen = client.resources(Lease.class).inNamespace(namespace).withName(name).get();
        return lastSeen == null ? null : toRecord(lastSeen);
    }

    @Override
    public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
        lastSeen = client.resource(toResource(record, getObjectMeta(null))).create();
    }

    @Override
    public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
        if (lastSeen == null) {
            throw new IllegalStateException("the lease must be read or created before it is updated");
        }
        String expectedVersion = lastSeen.getMetadata().getResourceVersion();
        lastSeen = client.resource(toResource(record, getObjectMeta(expectedVersion))).update();
    }
}
