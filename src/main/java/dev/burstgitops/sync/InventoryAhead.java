package dev.burstgitops.sync;

import java.util.Collection;
import java.util.Optional;

/**
 * The inventory over one pass: what was stored at its start (or rebuilt, when it was lost),
 * extended with the objects the pass is about to create before it creates them, and finally
 * replaced by what the pass leaves owned. Every write goes through {@link InventoryStore}, which
 * skips a write that changes nothing, and records this installation as the owner.
 */
final class InventoryAhead {

    private final InventoryStore store;
    private final WriteFence fence;
    private final InventoryOwner owner;
    private Optional<StoredInventory> stored;
    private volatile Inventory known;

    /** @param known the entries to start from: the stored ones, or those found again when they were lost */
    InventoryAhead(InventoryStore store, WriteFence fence, InventoryOwner owner, Optional<StoredInventory> stored,
                   Inventory known) {
        this.store = store;
        this.fence = fence;
        this.owner = owner;
        this.stored = stored;
        this.known = known;
    }

    /** Every entry the inventory held at the start or was told about since. */
    Inventory known() {
        return known;
    }

    /** Adds the entries not known yet and stores the result when that changed anything. */
    synchronized void recordAhead(Collection<InventoryEntry> entries) {
        Inventory ahead = known.plusNew(entries);
        if (ahead != known || stored.isEmpty()) {
            record(ahead);
        }
    }

    /**
     * Marks {@code adopted}'s object adopted (adding it when unknown) and stores that before the
     * adopting apply. Before the first inventory of a cluster exists (its Namespaces are applied
     * first, the inventory's own among them) the mark waits for the record ahead, which comes
     * before any other object is applied.
     */
    synchronized void markAdopted(InventoryEntry adopted) {
        Inventory marked = known.markingAdopted(adopted);
        if (marked.equals(known)) {
            return;
        }
        if (stored.isEmpty()) {
            known = marked;
        } else {
            record(marked);
        }
    }

    synchronized void record(Inventory next) {
        stored = Optional.of(store.write(next, owner, stored, fence));
        known = next;
    }
}
