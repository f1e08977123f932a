package dev.burstgitops.manifest;

import java.util.Objects;

/**
 * An object the controller keeps for itself in a cluster, which Git must not declare: applied
 * from the repository, it would be overwritten by the controller and overwrite it in turn (the
 * inventory, so that prune silently stops; the leader-election Lease, so that two replicas lead).
 *
 * @param key      the object's identity, namespace included
 * @param role     what it is to the controller, for the problem ("the controller's leader-election Lease")
 * @param withParts whether the names {@code <name>-*} beside it are the controller's too (the inventory's parts)
 */
public record ReservedObject(ObjectKey key, String role, boolean withParts) {

    /** The ConfigMap that keeps the sync loop's inventory of cluster {@code cluster}; its parts are named after it. */
    public static String inventoryName(String cluster) {
        return "burst-gitops-inventory-" + cluster;
    }

    public ReservedObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(role, "role");
    }

    public ReservedObject(ObjectKey key, String role) {
        this(key, role, false);
    }

    /** Whether {@code other} is this object, or one of its parts. */
    public boolean matches(ObjectKey other) {
        if (key.equals(other)) {
            return true;
        }
        return withParts && key.group().equals(other.group()) && key.kind().equals(other.kind())
                && key.namespace().equals(other.namespace()) && other.name().startsWith(key.name() + "-");
    }
}
