package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes over the fields of an object that {@code kubectl apply} created or last applied (the
 * bootstrap step does exactly that), so that from then on this controller alone owns them and a
 * field removed from Git leaves the cluster. Without it, kubectl would stay a co-owner of every
 * field and the server would keep a field this controller stopped applying.
 *
 * <p>Only kubectl's appliers are taken over: server-side ({@code kubectl}, operation Apply),
 * client-side ({@code kubectl-client-side-apply}) and objects that predate managed fields
 * ({@code before-first-apply}). Other managers (an HPA, {@code kubectl scale}, {@code kubectl
 * annotate}) keep their fields. Their entries are folded into this controller's Apply entry.
 */
final class FieldTakeover {

    private static final Set<String> APPLIERS = Set.of("kubectl-client-side-apply", "before-first-apply");
    private static final String KUBECTL_SERVER_SIDE = "kubectl";

    private FieldTakeover() {
    }

    /** The managers of {@code entries} to take over; empty when there is nothing to do. */
    static List<String> managersToTakeOver(List<ManagedFieldsEntry> entries) {
        if (entries == null) {
            return List.of();
        }
        return entries.stream().filter(FieldTakeover::isTakenOver).map(ManagedFieldsEntry::getManager).distinct().toList();
    }

    /**
     * The managed fields with every taken-over entry folded into {@code manager}'s Apply entry for
     * {@code apiVersion}; empty when no entry is taken over.
     */
    static Optional<List<ManagedFieldsEntry>> merged(List<ManagedFieldsEntry> entries, String manager, String apiVersion,
                                                     Instant now) {
        if (managersToTakeOver(entries).isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        List<ManagedFieldsEntry> kept = new ArrayList<>();
        for (ManagedFieldsEntry entry : entries) {
            boolean ours = manager.equals(entry.getManager()) && "Apply".equals(entry.getOperation())
                    && OwnedFields.isMainResource(entry);
            if (ours || isTakenOver(entry)) {
                if (entry.getFieldsV1() != null) {
                    union(fields, entry.getFieldsV1().getAdditionalProperties());
                }
            } else {
                kept.add(entry);
            }
        }
        FieldsV1 owned = new FieldsV1();
        fields.forEach(owned::setAdditionalProperty);
        kept.add(new ManagedFieldsEntryBuilder().withManager(manager).withOperation("Apply").withApiVersion(apiVersion)
                .withFieldsType("FieldsV1").withFieldsV1(owned)
                .withTime(now.truncatedTo(ChronoUnit.SECONDS).toString()).build());
        return Optional.of(kept);
    }

    private static boolean isTakenOver(ManagedFieldsEntry entry) {
        if (!OwnedFields.isMainResource(entry)) {
            return false;
        }
        return APPLIERS.contains(entry.getManager())
                || KUBECTL_SERVER_SIDE.equals(entry.getManager()) && "Apply".equals(entry.getOperation());
    }

    @SuppressWarnings("unchecked")
    private static void union(Map<String, Object> into, Map<String, Object> more) {
        more.forEach((key, value) -> {
            Object existing = into.get(key);
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                union((Map<String, Object>) existingMap, (Map<String, Object>) valueMap);
            } else if (existing == null) {
                into.put(key, value instanceof Map<?, ?> valueMap ? copy((Map<String, Object>) valueMap) : value);
            }
        });
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        union(copy, map);
        return copy;
    }
}
