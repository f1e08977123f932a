package dev.burstgitops.server;

import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import java.util.Objects;

/** What the controller hands the HTTP server to show and to call: one field per route. */
public record ServerInputs(ControllerMetrics metrics, LoopHealth health, Readiness readiness,
                           StatusSource status, WebhookListener webhook) {

    public ServerInputs {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(webhook, "webhook");
    }
}
