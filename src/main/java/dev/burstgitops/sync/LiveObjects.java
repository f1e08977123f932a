package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live objects one pass compares against. They are read with one LIST per kind and
 * namespace rather than one GET per object: a pass over an unchanged repository of 1,000
 * objects then costs a handful of requests. Where the server refuses to list (RBAC without
 * {@code list}), it falls back to a GET per object. Safe to ask from several threads: the first
 * to ask for a kind and namespace lists it, the others wait for that list.
 */
final class LiveObjects {

    private final KubernetesClient client;
    private final Map<String, Optional<Map<String, GenericKubernetesResource>>> listed = new ConcurrentHashMap<>();

    LiveObjects(KubernetesClient client) {
        this.client = client;
    }

    /** The live object, or null when there is none. */
    GenericKubernetesResource get(ResourceDefinitionContext kind, String namespace, String name) {
        String group = kind.getGroup() + "/" + kind.getVersion() + "/" + kind.getPlural() + "/"
                + (kind.isNamespaceScoped() ? namespace : "");
        Optional<Map<String, GenericKubernetesResource>> byName =
                listed.computeIfAbsent(group, key -> list(kind, namespace));
        if (byName.isPresent()) {
            return byName.get().get(name);
        }
        return GenericResources.named(client, kind, namespace, name).get();
    }

    private Optional<Map<String, GenericKubernetesResource>> list(ResourceDefinitionContext kind, String namespace) {
        try {
            Map<String, GenericKubernetesResource> byName = new HashMap<>();
            for (GenericKubernetesResource item : GenericResources.in(client, kind, namespace).list().getItems()) {
                byName.put(item.getMetadata().getName(), item);
            }
            return Optional.of(byName);
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw e;
            }
            // Refused (403 without list, 405): read object by object instead.
            return Optional.empty();
        }
    }
}
