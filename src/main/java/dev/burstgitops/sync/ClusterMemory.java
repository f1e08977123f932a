package dev.burstgitops.sync;

import java.util.Optional;

/**
 * The controller's own record of each configured cluster's identity at its last sync, kept apart
 * from the clusters themselves: a kubeconfig pointed at a fresh cluster (no inventory to object)
 * is still recognised as not the one synced before.
 */
public interface ClusterMemory {

    /** No memory: a one-shot command, or a controller without leader election (nowhere shared to keep it). */
    ClusterMemory NONE = new ClusterMemory() {
        @Override
        public Optional<String> identity(String cluster) {
            return Optional.empty();
        }

        @Override
        public void remember(String cluster, String identity) {
            // Nowhere to keep it.
        }
    };

    /** The identity {@code cluster} had at its last sync, when known. */
    Optional<String> identity(String cluster);

    /** Records the identity a pass just synced. */
    void remember(String cluster, String identity);
}
