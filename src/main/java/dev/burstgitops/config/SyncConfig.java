package dev.burstgitops.config;

import java.time.Duration;

/** The {@code sync} section. */
public record SyncConfig(Duration interval, Mode mode, boolean prune, String inventoryNamespace) {

    /** Whether the sync loop writes, or only reports drift. */
    public enum Mode {
        APPLY, DETECT
    }
}
