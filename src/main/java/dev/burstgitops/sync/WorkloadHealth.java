package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;

/** The health of one Deployment, StatefulSet or DaemonSet, with the reason in words. */
public record WorkloadHealth(ObjectKey key, HealthStatus status, String reason) {

    @Override
    public String toString() {
        return key + " " + status.name().toLowerCase(java.util.Locale.ROOT) + " (" + reason + ")";
    }
}
