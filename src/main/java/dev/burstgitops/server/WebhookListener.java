package dev.burstgitops.server;

/**
 * Told about every webhook delivery whose signature or token checked out.
 *
 * <p>Called on the HTTP thread before the {@code 202} goes out, so it must only <em>trigger</em>
 * work (wake the loop, offer to a queue) and return at once: forges time a delivery out after
 * about ten seconds, and a fetch or sync pass can take longer than that. It is called for every
 * event the forge sends ({@code push}, {@code ping}, ...); the controller decides which ones
 * warrant a fetch. If it throws, the delivery is answered {@code 500} so the forge shows it failed.
 */
@FunctionalInterface
public interface WebhookListener {

    /**
     * @param event      the {@code X-GitHub-Event}, {@code X-Gitea-Event} or {@code X-Gitlab-Event}
     *                   header, or {@code "unknown"}
     * @param deliveryId the forge's delivery id ({@code X-GitHub-Delivery}, {@code X-Gitea-Delivery},
     *                   {@code X-Gitlab-Event-UUID}), or {@code "unknown"}; for log lines
     */
    void onDelivery(String event, String deliveryId);
}
