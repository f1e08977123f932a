package dev.burstgitops.status;

import java.util.Locale;

/** What a sync pass did to one object; the {@code action} label of {@code burst_gitops_sync_objects_total}. */
public enum SyncAction {
    APPLIED,
    PRUNED,
    FAILED,
    UNCHANGED;

    /** The label value: the lower-case name, so a dashboard query reads {@code action="pruned"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
