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
    private final Map<String, String> listedAt = new ConcurrentHashMap<>();

    LiveObjects(KubernetesClient client) {
        this.client = client;
    }

    /** The live object, or null when there is none. */
    GenericKubernetesResource get(ResourceDefinitionContext kind, String namespace, String name) {
        String group = group(kind, namespace);
        Optional<Map<String, GenericKubernetesResource>> byName =
                listed.computeIfAbsent(group, key -> list(kind, namespace, key));
        if (byName.isPresent()) {
            return byName.get().get(name);
        }
        return GenericResources.named(client, kind, namespace, name).get();
    }

    /**
     * The resourceVersion of the list that found no object of this kind and namespace under a
     * name: sent with a create, the server refuses it (409) when someone created the object
     * since, as it refuses an apply to an object written since it was read. Null when the kind
     * was read object by object.
     */
    String absentAt(ResourceDefinitionContext kind, String namespace) {
        return listedAt.get(group(kind, namespace));
    }

    private static String group(ResourceDefinitionContext kind, String namespace) {
        return kind.getGroup() + "/" + kind.getVersion() + "/" + kind.getPlural() + "/"
                + (kind.isNamespaceScoped() ? namespace : "");
    }

    private Optional<Map<String, GenericKubernetesResource>> list(ResourceDefinitionContext kind, String namespace,
                                                                  String group) {
        try {
            Map<String, GenericKubernetesResource> byName = new HashMap<>();
            var list = GenericResources.in(client, kind, namespace).list();
            for (GenericKubernetesResource item : list.getItems()) {
                byName.put(item.getMetadata().getName(), item);
            }
            if (list.getMetadata() != null && list.getMetadata().getResourceVersion() != null) {
                listedAt.put(group, list.getMetadata().getResourceVersion());
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
