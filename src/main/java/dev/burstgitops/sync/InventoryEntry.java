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
 * version that kept none), and whether it was {@code adopted}: the object existed, made by someone
 * else, before this installation first applied it, so it is released rather than deleted when it
 * leaves Git ({@link Pruner}).
 */
record InventoryEntry(String apiVersion, String kind, String namespace, String name, LastApply lastApply,
                      boolean adopted) implements Comparable<InventoryEntry> {

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
        this(apiVersion, kind, namespace, name, null, false);
    }

    InventoryEntry(String apiVersion, String kind, String namespace, String name, LastApply lastApply) {
        this(apiVersion, kind, namespace, name, lastApply, false);
    }

    /** The identity without the version: the same object served at another version is still this one. */
    ObjectKey key() {
        return new ObjectKey(ObjectKey.groupOf(apiVersion), kind, namespace, name);
    }

    Optional<LastApply> last() {
        return Optional.ofNullable(lastApply);
    }

    InventoryEntry withLastApply(LastApply applied) {
        return new InventoryEntry(apiVersion, kind, namespace, name, applied, adopted);
    }

    /** The same entry, marked adopted (or not); once adopted it stays so for as long as it is listed. */
    InventoryEntry withAdopted(boolean isAdopted) {
        return isAdopted == adopted ? this : new InventoryEntry(apiVersion, kind, namespace, name, lastApply, isAdopted);
    }

    /** The same object without what was applied: its identity only (and whether it was adopted). */
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
        // Only when true: every inventory written before adoption was known reads back unchanged.
        if (adopted) {
            map.put("adopted", true);
        }
        return map;
    }

    /** Reads {@link #toMap()}; {@code fields} gives the owned fields by {@link #fieldsKey()}. */
    static InventoryEntry fromMap(Map<?, ?> map, Function<String, FieldSet> fields) {
        InventoryEntry entry = new InventoryEntry(text(map, "apiVersion"), text(map, "kind"), text(map, "namespace"),
                text(map, "name")).withAdopted("true".equals(text(map, "adopted")));
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
