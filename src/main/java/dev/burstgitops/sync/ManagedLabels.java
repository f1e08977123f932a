package dev.burstgitops.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels that mark an object as applied by one installation of burst-gitops for one
 * cluster, and the rule that only an object carrying them, for this cluster and installation,
 * and not opted out by annotation, may ever be pruned. Labels are a second check only: what may
 * be pruned at all is what the inventory lists; an object that merely wears the labels is kept.
 *
 * @param cluster      the cluster's name in the configuration
 * @param installation {@link Installation#id()}
 */
record ManagedLabels(String cluster, String installation) {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "burst-gitops";
    static final String CLUSTER = "burst-gitops/cluster";
    static final String INSTALLATION = "burst-gitops/installation";
    static final String PRUNE_ANNOTATION = "burst-gitops/prune";
    static final String PRUNE_DISABLED = "disabled";

    static ManagedLabels of(String cluster, Installation installation) {
        return new ManagedLabels(cluster, installation.id());
    }

    /** Adds the labels to {@code content} (which the caller owns) and returns it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> addTo(Map<String, Object> content) {
        Map<String, Object> metadata = (Map<String, Object>) content.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
        Map<String, Object> labels = (Map<String, Object>) metadata.computeIfAbsent("labels", k -> new LinkedHashMap<>());
        labels.put(MANAGED_BY, MANAGER);
        labels.put(CLUSTER, cluster);
        labels.put(INSTALLATION, installation);
        return content;
    }

    /** The label selector of the objects this installation applied to this cluster. */
    String selector() {
        return MANAGED_BY + "=" + MANAGER + "," + CLUSTER + "=" + cluster + "," + INSTALLATION + "=" + installation;
    }

    /**
     * Why a live object must not be pruned; empty when it may be. An object without the
     * installation label was applied by a version that did not set it, and counts as this
     * installation's when the inventory lists it.
     */
    Optional<String> whyNotOurs(Map<String, String> labels, Map<String, String> annotations) {
        Map<String, String> safeLabels = labels == null ? Map.of() : labels;
        Map<String, String> safeAnnotations = annotations == null ? Map.of() : annotations;
        if (!MANAGER.equals(safeLabels.get(MANAGED_BY))) {
            return Optional.of("not labelled " + MANAGED_BY + "=" + MANAGER);
        }
        if (!cluster.equals(safeLabels.get(CLUSTER))) {
            return Optional.of("not labelled " + CLUSTER + "=" + cluster);
        }
        String owner = safeLabels.get(INSTALLATION);
        if (owner != null && !owner.equals(installation)) {
            return Optional.of("labelled " + INSTALLATION + "=" + owner + ": another installation's (this one is "
                    + installation + ")");
        }
        if (PRUNE_DISABLED.equals(safeAnnotations.get(PRUNE_ANNOTATION))) {
            return Optional.of("annotated " + PRUNE_ANNOTATION + "=" + PRUNE_DISABLED);
        }
        return Optional.empty();
    }
}
