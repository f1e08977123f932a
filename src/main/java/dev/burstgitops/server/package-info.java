/**
 * The HTTP surface of {@code run}. The controller feeds it through a few ports defined here:
 * {@link dev.burstgitops.server.ControllerMetrics} (typed recording into its own Prometheus
 * registry), {@link dev.burstgitops.server.LoopHealth} (liveness: are the loops turning),
 * {@link dev.burstgitops.server.Readiness} (start-up conditions),
 * {@link dev.burstgitops.server.StatusSource} (any object, written as JSON) and
 * {@link dev.burstgitops.server.WebhookListener} (a verified forge delivery).
 * {@link dev.burstgitops.server.ControllerHttpServer} serves them. Nothing here knows the
 * controller's model or ever sees a secret's value outside the webhook check.
 */
package dev.burstgitops.server;
