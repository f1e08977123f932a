package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON patch that releases an adopted object: it removes the managed labels and this
 * controller's managed-fields entries, and nothing else, so every value stays as it is and the
 * object is a person's again (no later pass counts it as ours, no later apply of someone else's
 * conflicts with us). It is guarded by a {@code test} of the resourceVersion the pass read: if
 * anyone wrote the object since, the server refuses the whole patch and the release waits for
 * the next pass, which reads the object again.
 */
final class ReleasePatch {

    private ReleasePatch() {
    }

    static List<Map<String, Object>> of(ObjectMeta live, String fieldManager) {
        List<Map<String, Object>> patch = new ArrayList<>();
        patch.add(op("test", "/metadata/resourceVersion", live.getResourceVersion()));
        Map<String, String> labels = live.getLabels() == null ? Map.of() : live.getLabels();
        for (String label : List.of(ManagedLabels.MANAGED_BY, ManagedLabels.CLUSTER, ManagedLabels.INSTALLATION)) {
            if (labels.containsKey(label)) {
                patch.add(op("remove", "/metadata/labels/" + escaped(label), null));
            }
        }
        List<ManagedFieldsEntry> entries = live.getManagedFields() == null ? List.of() : live.getManagedFields();
        List<ManagedFieldsEntry> others = entries.stream().filter(entry -> !fieldManager.equals(entry.getManager()))
                .toList();
        if (others.size() < entries.size()) {
            // An empty list would leave the managed fields as they are (the server's guard against
            // clients that drop them); one empty entry is its documented way to clear them all.
            patch.add(op("add", "/metadata/managedFields", others.isEmpty() ? List.of(Map.of()) : others));
        }
        return patch;
    }

    private static Map<String, Object> op(String op, String path, Object value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", op);
        operation.put("path", path);
        if (!op.equals("remove")) {
            operation.put("value", value);
        }
        return operation;
    }

    /** A JSON pointer segment (RFC 6901): {@code app.kubernetes.io/managed-by} → {@code app.kubernetes.io~1managed-by}. */
    private static String escaped(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
