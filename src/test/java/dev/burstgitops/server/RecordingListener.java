package dev.burstgitops.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers each delivery as "event delivery-id". */
final class RecordingListener implements WebhookListener {

    private final List<String> deliveries = new CopyOnWriteArrayList<>();

    @Override
    public void onDelivery(String event, String deliveryId) {
        deliveries.add(event + " " + deliveryId);
    }

    List<String> deliveries() {
        return List.copyOf(deliveries);
    }
}
