package dev.burstgitops.sync;

import java.util.Optional;
import java.util.Set;

/**
 * An inventory as read from its cluster: the entries, the owner it records (none for one
 * written before owners were), and the part ConfigMaps that hold its entries.
 *
 * @param complete false when a part the head names could not be found: the entries are those of
 *                 the parts that were, and the rest must be looked for (never taken as none)
 */
record StoredInventory(Inventory inventory, Optional<InventoryOwner> owner, Set<String> parts, boolean complete) {

    StoredInventory {
        parts = Set.copyOf(parts);
    }
}
