package dev.burstgitops.sync;

import java.util.Optional;

/**
 * Whether a pass may touch a cluster at all: the cluster must be the one this installation
 * synced before, and its inventory this installation's. A kubeconfig pointed at another
 * environment's cluster, an inventory restored from another cluster's backup, or a second
 * installation that calls a shared cluster by the same name would otherwise apply into it and
 * prune through an inventory that is not theirs. Pure: given what was read, it answers.
 */
final class OwnershipCheck {

    private OwnershipCheck() {
    }

    /**
     * Why the pass must stop before any write; empty when it may go on.
     *
     * @param cluster    the cluster's configured name
     * @param ours       this installation, and the identity the cluster has now
     * @param recorded   the owner its inventory records; empty when there is none, or it predates owners
     * @param remembered the identity the controller kept for this cluster at its last sync, if any
     * @param confirmed  the identity a person confirmed with {@code sync.adoptCluster}, if any
     */
    static Optional<String> refusal(String cluster, InventoryOwner ours, Optional<InventoryOwner> recorded,
                                    Optional<String> remembered, Optional<String> confirmed) {
        String uid = ours.clusterUid();
        if (confirmed.filter(uid::equals).isPresent()) {
            return Optional.empty();
        }
        String confirm = " Nothing was applied or pruned. If this is intended, confirm it with sync.adoptCluster: {"
                + cluster + ": " + uid + "}.";
        if (remembered.isPresent() && !remembered.get().equals(uid)) {
            return Optional.of("cluster " + cluster + " is not the cluster synced before: its kube-system Namespace"
                    + " has UID " + uid + ", it had " + remembered.get() + " at the last sync (a kubeconfig pointing"
                    + " elsewhere, or a rebuilt cluster)." + confirm);
        }
        if (recorded.isPresent() && !recorded.get().clusterUid().equals(uid)) {
            return Optional.of("cluster " + cluster + ": its inventory was written in another cluster (kube-system UID "
                    + recorded.get().clusterUid() + ", this one is " + uid + "), restored or copied here." + confirm);
        }
        if (recorded.isPresent() && !recorded.get().installation().id().equals(ours.installation().id())) {
            return Optional.of("cluster " + cluster + ": its inventory belongs to another installation ("
                    + recorded.get().installation().describe() + "; this one syncs " + ours.installation().describe()
                    + "). Two installations must not share a cluster name and inventory namespace." + confirm);
        }
        return Optional.empty();
    }
}
