package dev.burstgitops.sync;

import java.util.Collection;
import java.util.Optional;

/**
 * The inventory over one pass: what was stored at its start, extended with the objects the pass
 * is about to create before it creates them, and finally replaced by what the pass leaves owned.
 * Every write goes through {@link InventoryStore}, which skips a write that changes nothing.
 */
final class InventoryAhead {

    private final InventoryStore store;
    private final WriteFence fence;
    private Optional<Inventory> stored;
    private Inventory known;

    InventoryAhead(InventoryStore store, WriteFence fence) {
        this.store = store;
        this.fence = fence;
        this.stored = store.read();
        this.known = stored.orElse(Inventory.EMPTY);
    }

    /** Every entry the inventory held at the start or was told about since. */
    Inventory known() {
        return known;
    }

    /** Adds the entries not known yet and stores the result when that changed anything. */
    void recordAhead(Collection<InventoryEntry> entries) {
        Inventory ahead = known.plusNew(entries);
        if (ahead != known) {
            record(ahead);
        }
    }

    void record(Inventory next) {
        store.write(next, stored, fence);
        stored = Optional.of(next);
        known = next;
    }
}
