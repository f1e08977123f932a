package dev.burstgitops.sync;

/** How far a workload's rollout has got, read from its status after a pass. */
public enum HealthStatus {
    /** The controller has not observed the latest spec, or replicas are still being updated or becoming ready. */
    PROGRESSING,
    /** Every desired replica is updated and available. */
    HEALTHY,
    /** The rollout has failed (a Deployment past its progress deadline, or failing to create replicas). */
    DEGRADED
}
