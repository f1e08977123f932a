package dev.burstgitops.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels that mark an object as applied by burst-gitops for one cluster, and the rule that
 * only an object carrying both of them, for this cluster, and not opted out by annotation, may
 * ever be pruned.
 */
final class ManagedLabels {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "burst-gitops";
    static final String CLUSTER = "burst-gitops/cluster";
    static final String PRUNE_ANNOTATION = "burst-gitops/prune";
    static final String PRUNE_DISABLED = "disabled";

    private ManagedLabels() {
    }

    /** Adds both labels to {@code content} (which the caller owns) and returns it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> addTo(Map<String, Object> content, String cluster) {
        Map<String, Object> metadata = (Map<String, Object>) content.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
        Map<String, Object> labels = (Map<String, Object>) metadata.computeIfAbsent("labels", k -> new LinkedHashMap<>());
        labels.put(MANAGED_BY, MANAGER);
        labels.put(CLUSTER, cluster);
        return content;
    }

    /** Why a live object must not be pruned by the controller of {@code cluster}; empty when it may be. */
    static Optional<String> whyNotPrunable(Map<String, String> labels, Map<String, String> annotations, String cluster) {
        Map<String, String> safeLabels = labels == null ? Map.of() : labels;
        Map<String, String> safeAnnotations = annotations == null ? Map.of() : annotations;
        if (!MANAGER.equals(safeLabels.get(MANAGED_BY))) {
            return Optional.of("not labelled " + MANAGED_BY + "=" + MANAGER);
        }
        if (!cluster.equals(safeLabels.get(CLUSTER))) {
            return Optional.of("not labelled " + CLUSTER + "=" + cluster);
        }
        if (PRUNE_DISABLED.equals(safeAnnotations.get(PRUNE_ANNOTATION))) {
            return Optional.of("annotated " + PRUNE_ANNOTATION + "=" + PRUNE_DISABLED);
        }
        return Optional.empty();
    }
}
