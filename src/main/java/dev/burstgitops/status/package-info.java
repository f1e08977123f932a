/**
 * What operators see of the loops, as values the loops write and the surfaces read:
 * {@link dev.burstgitops.status.PassResult} and {@link dev.burstgitops.status.ClusterPassResult}
 * (how a pass ended), {@link dev.burstgitops.status.ControllerStatus} (the {@code /status}
 * document), {@link dev.burstgitops.status.ControllerMetrics} (typed recording into its own
 * Prometheus registry), {@link dev.burstgitops.status.LoopHealth} (liveness: are the loops
 * turning), {@link dev.burstgitops.status.Readiness} (start-up conditions) and
 * {@link dev.burstgitops.status.ControllerEvents} (Kubernetes Events).
 * {@link dev.burstgitops.status.Observability} turns outcomes into metrics, health and readiness.
 * Both {@code controller}, which records, and {@code server}, which serves, use this package;
 * neither of those two knows the other.
 */
package dev.burstgitops.status;
