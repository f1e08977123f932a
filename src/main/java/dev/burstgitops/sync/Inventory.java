package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * What the controller has applied to one cluster: the only objects it will ever consider pruning.
 * Kept sorted and free of duplicates so that the same set always serialises the same way and an
 * unchanged inventory costs no write.
 */
record Inventory(List<InventoryEntry> entries) {

    static final Inventory EMPTY = new Inventory(List.of());

    Inventory {
        entries = List.copyOf(new TreeSet<>(entries));
    }

    static Inventory of(Collection<InventoryEntry> entries) {
        return new Inventory(List.copyOf(entries));
    }

    Inventory plus(Collection<InventoryEntry> more) {
        return new Inventory(Stream.concat(entries.stream(), more.stream()).toList());
    }

    /** This inventory with the entries of {@code more} it does not hold yet, appended in order. */
    Inventory plusNew(Collection<InventoryEntry> more) {
        Set<ObjectKey> known = keys();
        List<InventoryEntry> added = more.stream().filter(entry -> known.add(entry.key())).toList();
        return added.isEmpty() ? this : plus(added);
    }

    /** This inventory with {@code adopted}'s object marked adopted: its entry kept otherwise, or added. */
    Inventory markingAdopted(InventoryEntry adopted) {
        boolean found = entries.stream().anyMatch(entry -> entry.key().equals(adopted.key()));
        if (!found) {
            return plus(List.of(adopted.withAdopted(true)));
        }
        return new Inventory(entries.stream()
                .map(entry -> entry.key().equals(adopted.key()) ? entry.withAdopted(true) : entry).toList());
    }

    Set<ObjectKey> keys() {
        return entries.stream().map(InventoryEntry::key).collect(Collectors.toSet());
    }

    /** The entries whose object is not among {@code desired}: candidates for pruning. */
    List<InventoryEntry> notIn(Set<ObjectKey> desired) {
        return entries.stream().filter(entry -> !desired.contains(entry.key())).toList();
    }

    /**
     * The entries by object, for a pass that looks each of its objects up: built once, so the pass
     * stays linear in its objects. Where one object was recorded at two versions, the entry that
     * knows what was last applied wins.
     */
    Map<ObjectKey, InventoryEntry> byKey() {
        Map<ObjectKey, InventoryEntry> byKey = new HashMap<>();
        for (InventoryEntry entry : entries) {
            byKey.merge(entry.key(), entry, (kept, other) -> kept.lastApply() != null ? kept : other);
        }
        return byKey;
    }

    String toYaml() {
        return new Yaml().dump(entries.stream().map(InventoryEntry::toMap).toList());
    }

    /** The fields each entry's last apply owned, by {@link InventoryEntry#fieldsKey()}, in entry order. */
    Map<String, Object> fieldsByEntry() {
        Map<String, Object> fields = new LinkedHashMap<>();
        entries.stream().filter(entry -> entry.lastApply() != null && !entry.lastApply().fields().isEmpty())
                .forEach(entry -> fields.put(entry.fieldsKey(), entry.lastApply().fields().tree()));
        return fields;
    }

    static Inventory fromYaml(String yaml) {
        return fromYaml(yaml, Map.of());
    }

    /** Reads {@link #toYaml()}'s list, with the owned fields {@link #fieldsByEntry()} gave. */
    @SuppressWarnings("unchecked")
    static Inventory fromYaml(String yaml, Map<String, Object> fieldsByEntry) {
        Object parsed = yaml == null || yaml.isBlank() ? null : new Yaml().load(yaml);
        if (!(parsed instanceof List<?> list)) {
            return EMPTY;
        }
        return new Inventory(list.stream().filter(Map.class::isInstance)
                .map(item -> InventoryEntry.fromMap((Map<?, ?>) item, key -> fieldsByEntry.get(key) instanceof Map<?, ?> tree
                        ? FieldSet.of((Map<String, Object>) tree) : FieldSet.EMPTY))
                .toList());
    }
}
