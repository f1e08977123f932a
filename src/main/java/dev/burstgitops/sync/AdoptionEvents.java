package dev.burstgitops.sync;

import dev.burstgitops.sync.ObjectOutcome.Adopted;
import dev.burstgitops.sync.ObjectReconciler.Reconciled;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says each adoption where the person who made the object will look: a Normal Event, reason
 * {@value #REASON}, on the adopted object itself ({@code kubectl describe configmap x} shows
 * "adopts ConfigMap default/x, created by kubectl"). Names only, never a value, so a Secret's data
 * stays out of it. An Event the server refuses is logged and the pass goes on: the adoption is
 * already in the pass's report and the inventory.
 */
final class AdoptionEvents {

    static final String REASON = "Adopted";
    private static final Logger LOG = LoggerFactory.getLogger(AdoptionEvents.class);

    private final KubernetesEvents events;

    AdoptionEvents(KubernetesClient client, String instance, Clock clock) {
        this.events = new KubernetesEvents(client, Fabric8ClusterApplier.FIELD_MANAGER, instance, clock);
    }

    /** One Event per object this pass adopted; call only after a pass that writes. */
    void record(List<Reconciled> reconciled) {
        for (Reconciled r : reconciled) {
            if (r.outcome() instanceof Adopted adopted && r.live().isPresent()) {
                try {
                    events.record(reference(r.entry(), r.live().get()), "Normal", REASON, adopted.describe(true));
                } catch (KubernetesClientException e) {
                    if (ApiErrors.isUnreachable(e)) {
                        throw e;
                    }
                    LOG.warn("no Event for the adoption of {}: {}", adopted.key(), ApiErrors.describe(e));
                }
            }
        }
    }

    private static ObjectReference reference(InventoryEntry entry, Map<String, Object> live) {
        Object metadata = live.get("metadata");
        Map<?, ?> fields = metadata instanceof Map<?, ?> map ? map : Map.of();
        return new ObjectReferenceBuilder().withApiVersion(entry.apiVersion()).withKind(entry.kind())
                .withNamespace(entry.namespace().isEmpty() ? null : entry.namespace()).withName(entry.name())
                .withUid(text(fields.get("uid"))).withResourceVersion(text(fields.get("resourceVersion"))).build();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
