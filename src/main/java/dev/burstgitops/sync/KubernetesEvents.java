package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes core/v1 Events about an object, aggregated the way client-go's event recorder does: the
 * same object, type, reason and message within {@link #AGGREGATION_WINDOW} bump the existing Event's
 * {@code count} and {@code lastTimestamp} instead of adding another, so a repeated failure is one
 * line in {@code kubectl get events}, not hundreds.
 */
public final class KubernetesEvents {

    /** client-go keeps an Event's aggregation key this long. */
    static final Duration AGGREGATION_WINDOW = Duration.ofMinutes(10);
    /** Enough keys for every policy and cluster many times over; the oldest go first. */
    private static final int REMEMBERED = 256;

    private final KubernetesClient client;
    private final String component;
    private final String instance;
    private final Clock clock;
    private final Map<String, Written> written = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Written(String namespace, String name, int count, Instant at) {
    }

    /**
     * @param component the reporting component ({@code burst-gitops})
     * @param instance  this replica's identity, for {@code reportingInstance}
     */
    public KubernetesEvents(KubernetesClient client, String component, String instance, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.component = component;
        this.instance = instance;
        this.clock = clock;
    }

    /**
     * Records one occurrence.
     *
     * @param type {@code Normal} or {@code Warning}
     * @throws KubernetesClientException when the server refuses or cannot be reached; the caller decides
     */
    public synchronized void record(ObjectReference about, String type, String reason, String message) {
        Instant now = clock.instant();
        String key = about.getUid() + "/" + about.getNamespace() + "/" + about.getName() + "/" + type + "/" + reason
                + "/" + message;
        Written previous = written.get(key);
        if (previous != null && Duration.between(previous.at(), now).compareTo(AGGREGATION_WINDOW) < 0
                && bumped(previous, now)) {
            written.put(key, new Written(previous.namespace(), previous.name(), previous.count() + 1, now));
            return;
        }
        // A cluster-scoped object's Events live in "default", as client-go's recorder puts them.
        String namespace = about.getNamespace() == null || about.getNamespace().isEmpty() ? "default"
                : about.getNamespace();
        String stamp = now.toString();
        Event event = new EventBuilder()
                .withNewMetadata().withGenerateName(about.getName() + ".").withNamespace(namespace)
                .endMetadata()
                .withInvolvedObject(about)
                .withType(type).withReason(reason).withMessage(message)
                .withFirstTimestamp(stamp).withLastTimestamp(stamp).withCount(1)
                .withNewSource().withComponent(component).endSource()
                .withReportingComponent(component).withReportingInstance(instance)
                .build();
        Event created = client.v1().events().inNamespace(namespace).resource(event).create();
        written.put(key, new Written(namespace, created.getMetadata().getName(), 1, now));
    }

    /** Adds one to an Event already written; false when it is gone (expired by the server), so a new one is made. */
    private boolean bumped(Written previous, Instant now) {
        try {
            Event updated = client.v1().events().inNamespace(previous.namespace()).withName(previous.name())
                    .edit(event -> new EventBuilder(event).withCount(previous.count() + 1)
                            .withLastTimestamp(now.toString()).build());
            return updated != null;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
