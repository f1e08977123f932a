package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a CustomResourceDefinition still has custom resources this controller does not manage
 * for this cluster. A CRD is pruned only when it has none: deleting a CRD deletes every object of
 * its kind, in every namespace, and a person's or another tool's objects are not the controller's
 * to delete. Managed means listed in this pass's inventory; objects already being deleted do not
 * count. The kind is listed at a version the CRD serves, across all namespaces; when it cannot be
 * listed, the CRD is kept as if it had such objects.
 */
final class CustomResources {

    private static final int SHOWN = 5;

    private final KubernetesClient client;
    private final ServedKinds servedKinds;

    CustomResources(KubernetesClient client, ServedKinds servedKinds) {
        this.client = client;
        this.servedKinds = servedKinds;
    }

    /** Why {@code crd} must be kept for now, naming a few of the objects that hold it; empty when it may be pruned. */
    Optional<String> whyKept(GenericKubernetesResource crd, Set<ObjectKey> managed, String cluster) {
        Map<?, ?> spec = map(crd.getAdditionalProperties().get("spec"));
        String group = String.valueOf(spec.get("group"));
        String kind = String.valueOf(map(spec.get("names")).get("kind"));
        Optional<ResourceDefinitionContext> served = servedVersion(spec).flatMap(v -> servedKinds.find(group + "/" + v, kind));
        if (served.isEmpty()) {
            // Its objects may still be stored, out of reach of a list.
            return Optional.of("it serves no version of " + kind + " to list its custom resources by");
        }
        List<GenericKubernetesResource> items;
        try {
            var all = client.genericKubernetesResources(served.get());
            items = (served.get().isNamespaceScoped() ? all.inAnyNamespace().list() : all.list()).getItems();
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw e;
            }
            return Optional.of("cannot list its custom resources: " + ApiErrors.describe(e));
        }
        List<String> unmanaged = new ArrayList<>();
        for (GenericKubernetesResource item : items) {
            ObjectKey key = new ObjectKey(group, kind, item.getMetadata().getNamespace(), item.getMetadata().getName());
            if (item.getMetadata().getDeletionTimestamp() == null && !managed.contains(key)) {
                unmanaged.add(key.toString());
            }
        }
        if (unmanaged.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("deleting it would delete " + unmanaged.size() + " custom resources burst-gitops does not"
                + " manage for cluster " + cluster + ": " + String.join(", ", unmanaged.subList(0,
                Math.min(SHOWN, unmanaged.size()))) + (unmanaged.size() > SHOWN ? ", ..." : ""));
    }

    /** The storage version when it is served, else the first served one. */
    private static Optional<String> servedVersion(Map<?, ?> spec) {
        List<Map<?, ?>> served = new ArrayList<>();
        if (spec.get("versions") instanceof List<?> versions) {
            versions.stream().map(CustomResources::map).filter(v -> Boolean.TRUE.equals(v.get("served")))
                    .forEach(served::add);
        }
        return served.stream().filter(v -> Boolean.TRUE.equals(v.get("storage"))).findFirst()
                .or(() -> served.stream().findFirst()).map(v -> String.valueOf(v.get("name")));
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }
}
