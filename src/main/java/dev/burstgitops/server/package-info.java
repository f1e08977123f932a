/**
 * The HTTP surface of {@code run}. It serves what {@code status} models —
 * {@link dev.burstgitops.status.ControllerMetrics}, {@link dev.burstgitops.status.LoopHealth},
 * {@link dev.burstgitops.status.Readiness} — and two ports defined here:
 * {@link dev.burstgitops.server.StatusSource} (any object, written as JSON) and
 * {@link dev.burstgitops.server.WebhookListener} (a verified forge delivery).
 * {@link dev.burstgitops.server.ControllerHttpServer} serves them. Nothing here knows the
 * controller or ever sees a secret's value outside the webhook check.
 */
package dev.burstgitops.server;
