package dev.burstgitops.manifest;

import java.util.Objects;

/**
 * An object the controller keeps for itself in a cluster, which Git must not declare: applied
 * from the repository, it would be overwritten by the controller and overwrite it in turn (the
 * inventory, so that prune silently stops; the leader-election Lease, so that two replicas lead).
 *
 * @param key  the object's identity, namespace included
 * @param role what it is to the controller, for the problem ("the controller's leader-election Lease")
 */
public record ReservedObject(ObjectKey key, String role) {

    /** The ConfigMap that keeps the sync loop's inventory of cluster {@code cluster}. */
    public static String inventoryName(String cluster) {
        return "burst-gitops-inventory-" + cluster;
    }

    public ReservedObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(role, "role");
    }
}
