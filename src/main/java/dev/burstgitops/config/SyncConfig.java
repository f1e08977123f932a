package dev.burstgitops.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code sync} section.
 *
 * @param prune            whether objects no longer in Git are deleted, and whether that waits for
 *                         the head commit's {@code Prune-Confirmed} trailer
 * @param limits           how much repository content one render may read
 * @param maxFetchFailures fetches in a row that may fail before {@code /healthz} does, so that
 *                         Kubernetes restarts a controller that keeps failing to reach Git
 * @param protect          objects never pruned in any cluster, whatever Git says
 * @param leaveFieldsOf    field managers (controllers) whose fields Git never takes back, besides
 *                         the cluster's own ({@code kube-controller-manager} and the like)
 * @param adoptCluster     by cluster name, the identity ({@code kube-system} Namespace UID) a person
 *                         confirmed: synced although it is not the cluster synced before, or its
 *                         inventory is another installation's
 * @param pruneAdopted     whether an adopted object (one made outside Git before Git named it) is
 *                         deleted when it leaves Git; by default it is only released, and kept
 */
public record SyncConfig(Duration interval, Mode mode, Prune prune, String inventoryNamespace, SyncLimits limits,
                         int maxFetchFailures, List<ProtectedObject> protect, List<String> leaveFieldsOf,
                         Map<String, String> adoptCluster, boolean pruneAdopted) {

    public static final int DEFAULT_MAX_FETCH_FAILURES = 10;

    public SyncConfig {
        protect = List.copyOf(protect);
        leaveFieldsOf = List.copyOf(leaveFieldsOf);
        adoptCluster = Map.copyOf(adoptCluster);
    }

    /** With the default limits and failure bound, and nothing protected by name. */
    public SyncConfig(Duration interval, Mode mode, boolean prune, String inventoryNamespace) {
        this(interval, mode, prune ? Prune.ON : Prune.OFF, inventoryNamespace, SyncLimits.DEFAULTS,
                DEFAULT_MAX_FETCH_FAILURES, List.of(), List.of(), Map.of(), false);
    }

    /** Whether the sync loop writes, or only reports drift. */
    public enum Mode {
        APPLY, DETECT
    }

    /** {@code sync.prune}: {@code true}, {@code false} or {@code confirm}. */
    public enum Prune {
        ON, OFF,
        /** Deletes only what the head commit confirms with a {@code Prune-Confirmed: <n>} trailer. */
        CONFIRM
    }
}
