package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Every kind a cluster serves (at its preferred version) that may be listed, Events aside: what
 * must be read to be sure of what a namespace, or a whole cluster, holds. A few dozen requests,
 * so asked only where certainty is worth them (before pruning a Namespace, when rebuilding a lost
 * inventory).
 */
final class ListableKinds {

    private ListableKinds() {
    }

    /** @param namespacedOnly only the kinds that live in namespaces */
    static List<ResourceDefinitionContext> of(KubernetesClient client, boolean namespacedOnly) {
        List<String> groupVersions = new ArrayList<>(List.of("v1"));
        for (APIGroup group : client.getApiGroups().getGroups()) {
            groupVersions.add(group.getPreferredVersion().getGroupVersion());
        }
        List<ResourceDefinitionContext> kinds = new ArrayList<>();
        for (String groupVersion : groupVersions) {
            APIResourceList resources = client.getApiResources(groupVersion);
            if (resources == null) {
                continue;
            }
            for (APIResource resource : resources.getResources()) {
                if ((!namespacedOnly || Boolean.TRUE.equals(resource.getNamespaced())) && !resource.getName().contains("/")
                        && resource.getVerbs().contains("list") && !"Event".equals(resource.getKind())) {
                    kinds.add(ResourceDefinitionContext.fromApiResource(groupVersion, resource));
                }
            }
        }
        return kinds;
    }
}
