package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One object the controller applied to a cluster, as the inventory records it, with what it last
 * applied there ({@code lastApply}, null for an entry recorded ahead of its first apply or by a
 * version that kept none).
 */
record InventoryEntry(String apiVersion, String kind, String namespace, String name, LastApply lastApply)
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

    InventoryEntry(String apiVersion, String kind, String namespace, String name) {
        this(apiVersion, kind, namespace, name, null);
    }

    /** The identity without the version: the same object served at another version is still this one. */
    ObjectKey key() {
        return new ObjectKey(ObjectKey.groupOf(apiVersion), kind, namespace, name);
    }

    Optional<LastApply> last() {
        return Optional.ofNullable(lastApply);
    }

    InventoryEntry withLastApply(LastApply applied) {
        return new InventoryEntry(apiVersion, kind, namespace, name, applied);
    }

    /** The same object without what was applied: its identity only. */
    InventoryEntry identity() {
        return lastApply == null ? this : withLastApply(null);
    }

    /** The entry as {@code objects.yaml} lists it; the owned fields are kept apart ({@link InventoryStore}). */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("apiVersion", apiVersion);
        map.put("kind", kind);
        if (!namespace.isEmpty()) {
            map.put("namespace", namespace);
        }
        map.put("name", name);
        if (lastApply != null) {
            map.put("digest", lastApply.digest());
            map.put("resourceVersion", lastApply.resourceVersion());
        }
        return map;
    }

    /** Reads {@link #toMap()}; {@code fields} gives the owned fields by {@link #fieldsKey()}. */
    static InventoryEntry fromMap(Map<?, ?> map, Function<String, FieldSet> fields) {
        InventoryEntry entry = new InventoryEntry(text(map, "apiVersion"), text(map, "kind"), text(map, "namespace"),
                text(map, "name"));
        String digest = text(map, "digest");
        return digest == null ? entry
                : entry.withLastApply(new LastApply(digest, text(map, "resourceVersion"), fields.apply(entry.fieldsKey())));
    }

    /** The key of this entry's owned fields in the inventory's field store. */
    String fieldsKey() {
        return apiVersion + " " + kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
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
