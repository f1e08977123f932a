package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a workload's health from its status, the way {@code kubectl rollout status} does: the
 * controller must have observed the latest generation, then every desired replica must be updated
 * and available (ready, for a StatefulSet). Only a Deployment can say it failed (progress deadline
 * exceeded, replica creation failing); StatefulSets and DaemonSets have no such signal, so they stay
 * progressing until they are healthy. Other kinds have no health.
 */
final class WorkloadHealthRules {

    private WorkloadHealthRules() {
    }

    static Optional<WorkloadHealth> assess(ObjectKey key, Map<String, Object> live) {
        if (!key.group().equals("apps")) {
            return Optional.empty();
        }
        Status status = new Status(live);
        return switch (key.kind()) {
            case "Deployment" -> Optional.of(deployment(key, status));
            case "StatefulSet" -> Optional.of(rollout(key, status, status.spec("replicas", 1),
                    status.of("updatedReplicas"), status.of("readyReplicas"), "ready"));
            case "DaemonSet" -> Optional.of(rollout(key, status, status.of("desiredNumberScheduled"),
                    status.of("updatedNumberScheduled"), status.of("numberAvailable"), "available"));
            default -> Optional.empty();
        };
    }

    private static WorkloadHealth deployment(ObjectKey key, Status status) {
        for (Map<?, ?> condition : status.conditions()) {
            if ("Progressing".equals(condition.get("type")) && "ProgressDeadlineExceeded".equals(condition.get("reason"))) {
                return new WorkloadHealth(key, HealthStatus.DEGRADED, "progress deadline exceeded");
            }
            if ("ReplicaFailure".equals(condition.get("type")) && "True".equals(condition.get("status"))) {
                return new WorkloadHealth(key, HealthStatus.DEGRADED, "replica failure: " + condition.get("message"));
            }
        }
        long desired = status.spec("replicas", 1);
        WorkloadHealth rollout = rollout(key, status, desired, status.of("updatedReplicas"),
                status.of("availableReplicas"), "available");
        if (rollout.status() == HealthStatus.HEALTHY && status.of("replicas") > desired) {
            return new WorkloadHealth(key, HealthStatus.PROGRESSING, "old replicas are terminating");
        }
        return rollout;
    }

    private static WorkloadHealth rollout(ObjectKey key, Status status, long desired, long updated, long ready, String word) {
        long generation = status.generation();
        long observed = status.of("observedGeneration");
        if (observed < generation) {
            return new WorkloadHealth(key, HealthStatus.PROGRESSING,
                    "generation " + generation + " not yet observed (observed " + observed + ")");
        }
        if (updated < desired) {
            return new WorkloadHealth(key, HealthStatus.PROGRESSING, updated + " of " + desired + " replicas updated");
        }
        if (ready < desired) {
            return new WorkloadHealth(key, HealthStatus.PROGRESSING, ready + " of " + desired + " replicas " + word);
        }
        return new WorkloadHealth(key, HealthStatus.HEALTHY, desired + " of " + desired + " replicas " + word);
    }

    /** Numbers from a live object, 0 when absent (a status not yet written). */
    private record Status(Map<String, Object> live) {

        long of(String field) {
            return number(section("status").get(field), 0);
        }

        long spec(String field, long absent) {
            return number(section("spec").get(field), absent);
        }

        long generation() {
            return number(section("metadata").get("generation"), 0);
        }

        List<Map<?, ?>> conditions() {
            Object conditions = section("status").get("conditions");
            return conditions instanceof List<?> list
                    ? list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(c -> (Map<?, ?>) c).toList()
                    : List.of();
        }

        private Map<?, ?> section(String name) {
            return live.get(name) instanceof Map<?, ?> map ? map : Map.of();
        }

        private static long number(Object value, long absent) {
            return value instanceof Number n ? n.longValue() : absent;
        }
    }
}
