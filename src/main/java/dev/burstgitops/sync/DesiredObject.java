package dev.burstgitops.sync;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.manifest.ObjectKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manifest object as it will be applied: a private deep copy with the managed labels, the
 * namespace filled in for namespaced kinds (the kubeconfig context's, as kubectl does) and removed
 * for cluster-scoped ones.
 */
record DesiredObject(ManifestObject source, Map<String, Object> content, ObjectKey key) {

    @SuppressWarnings("unchecked")
    static DesiredObject of(ManifestObject source, ManagedLabels labels, boolean namespaced, String defaultNamespace) {
        Map<String, Object> content = (Map<String, Object>) deepCopy(source.content());
        labels.addTo(content);
        Map<String, Object> metadata = (Map<String, Object>) content.get("metadata");
        String namespace = "";
        if (namespaced) {
            namespace = source.namespace().isEmpty() ? defaultNamespace : source.namespace();
            metadata.put("namespace", namespace);
        } else {
            metadata.remove("namespace");
        }
        ObjectKey key = new ObjectKey(ObjectKey.groupOf(source.apiVersion()), source.kind(), namespace, source.name());
        return new DesiredObject(source, content, key);
    }

    InventoryEntry entry() {
        return new InventoryEntry(source.apiVersion(), key.kind(), key.namespace(), key.name());
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }
}
