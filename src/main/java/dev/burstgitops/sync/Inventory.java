package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import java.util.Collection;
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

    Set<ObjectKey> keys() {
        return entries.stream().map(InventoryEntry::key).collect(Collectors.toSet());
    }

    /** The entries whose object is not among {@code desired}: candidates for pruning. */
    List<InventoryEntry> notIn(Set<ObjectKey> desired) {
        return entries.stream().filter(entry -> !desired.contains(entry.key())).toList();
    }

    String toYaml() {
        return new Yaml().dump(entries.stream().map(InventoryEntry::toMap).toList());
    }

    static Inventory fromYaml(String yaml) {
        Object parsed = yaml == null || yaml.isBlank() ? null : new Yaml().load(yaml);
        if (!(parsed instanceof List<?> list)) {
            return EMPTY;
        }
        return new Inventory(list.stream().filter(Map.class::isInstance)
                .map(item -> InventoryEntry.fromMap((Map<?, ?>) item)).toList());
    }
}
