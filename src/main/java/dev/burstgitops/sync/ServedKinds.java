package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds one cluster serves, from its discovery documents, read once per group-version per
 * pass, safe to ask from several threads. A group-version the cluster did not serve is asked again
 * after {@link #forgetUnserved()}: a pass calls it once the CRDs it applied are established, so
 * their kinds are found.
 */
final class ServedKinds {

    private final KubernetesClient client;
    private final Map<String, Optional<APIResourceList>> byGroupVersion = new ConcurrentHashMap<>();

    ServedKinds(KubernetesClient client) {
        this.client = client;
    }

    /** How to address {@code kind} in {@code apiVersion}; empty when the cluster does not serve it. */
    Optional<ResourceDefinitionContext> find(String apiVersion, String kind) {
        return byGroupVersion.computeIfAbsent(apiVersion, this::discover)
                .flatMap(list -> list.getResources().stream()
                        .filter(resource -> kind.equals(resource.getKind()) && !isSubresource(resource))
                        .findFirst())
                .map(resource -> ResourceDefinitionContext.fromApiResource(apiVersion, resource));
    }

    void forgetUnserved() {
        byGroupVersion.values().removeIf(Optional::isEmpty);
    }

    private Optional<APIResourceList> discover(String apiVersion) {
        try {
            return Optional.ofNullable(client.getApiResources(apiVersion));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean isSubresource(APIResource resource) {
        return resource.getName().contains("/");
    }
}
