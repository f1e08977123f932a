package dev.burstgitops.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whose an inventory is and where it was written: the installation that keeps it and the
 * identity of the cluster it describes (the {@code kube-system} Namespace's UID, which no
 * kubeconfig, context or DNS name can fake). An inventory restored into another cluster, or
 * written by another installation, is recognised by it.
 */
record InventoryOwner(Installation installation, String clusterUid) {

    private static final String REPOSITORY = "repository";
    private static final String BRANCH = "branch";
    private static final String PATH = "path";
    private static final String INSTALLATION = "installation";
    private static final String CLUSTER_UID = "cluster-uid";

    /** The head ConfigMap's data keys that record the owner. */
    Map<String, String> toData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(REPOSITORY, installation.repository());
        data.put(BRANCH, installation.branch());
        data.put(PATH, installation.path());
        data.put(INSTALLATION, installation.id());
        data.put(CLUSTER_UID, clusterUid);
        return data;
    }

    /** The owner an inventory records; empty for one written before owners were recorded. */
    static Optional<InventoryOwner> fromData(Map<String, String> data) {
        if (data == null || !data.containsKey(CLUSTER_UID) || !data.containsKey(PATH)) {
            return Optional.empty();
        }
        return Optional.of(new InventoryOwner(new Installation(data.getOrDefault(REPOSITORY, ""),
                data.getOrDefault(BRANCH, ""), data.get(PATH)), data.get(CLUSTER_UID)));
    }
}
