package dev.burstgitops.config;

import java.time.Duration;

/**
 * A policy's {@code burstReadiness}: the workload in the burst cluster that must be able to take
 * traffic before burst weights are committed, and how long it may stay short while in burst
 * before the policy falls back to natural.
 *
 * @param cluster       a name from {@code clusters[]}
 * @param workload      the Deployment or StatefulSet to read
 * @param minAvailable  the available replicas it needs
 * @param fallbackAfter how long it may stay below {@code minAvailable} while in burst
 */
public record BurstReadinessConfig(String cluster, Workload workload, int minAvailable, Duration fallbackAfter) {

    /** {@code Kind/namespace/name}, the way the configuration writes it. */
    public record Workload(String kind, String namespace, String name) {
        @Override
        public String toString() {
            return kind + "/" + namespace + "/" + name;
        }
    }
}
