package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One object the controller applied to a cluster, as the inventory records it. */
record InventoryEntry(String apiVersion, String kind, String namespace, String name)
        implements Comparable<InventoryEntry> {

    private static final Comparator<InventoryEntry> ORDER = Comparator.comparing(InventoryEntry::apiVersion)
            .thenComparing(InventoryEntry::kind).thenComparing(InventoryEntry::namespace)
            .thenComparing(InventoryEntry::name);

    InventoryEntry {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
    }

    /** The identity without the version: the same object served at another version is still this one. */
    ObjectKey key() {
        return new ObjectKey(ObjectKey.groupOf(apiVersion), kind, namespace, name);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("apiVersion", apiVersion);
        map.put("kind", kind);
        if (!namespace.isEmpty()) {
            map.put("namespace", namespace);
        }
        map.put("name", name);
        return map;
    }

    static InventoryEntry fromMap(Map<?, ?> map) {
        return new InventoryEntry(text(map, "apiVersion"), text(map, "kind"), text(map, "namespace"), text(map, "name"));
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    @Override
    public int compareTo(InventoryEntry other) {
        return ORDER.compare(this, other);
    }
}
