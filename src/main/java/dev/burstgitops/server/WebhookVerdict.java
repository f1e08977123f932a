package dev.burstgitops.server;

/** Whether a delivery proved it knows the shared secret, and if not, why (for the log, never the client). */
sealed interface WebhookVerdict {

    /** @param scheme how it proved it: {@code hmac-sha256} or {@code gitlab-token} */
    record Accepted(String scheme) implements WebhookVerdict {
    }

    record Rejected(String reason) implements WebhookVerdict {
    }
}
