package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Addresses objects of any kind through the generic API with the resource definition discovery
 * found, so that fabric8 makes no discovery calls of its own and a cluster-scoped kind is never
 * put in a namespace.
 */
final class GenericResources {

    private GenericResources() {
    }

    static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> in(
            KubernetesClient client, ResourceDefinitionContext kind, String namespace) {
        var all = client.genericKubernetesResources(kind);
        return kind.isNamespaceScoped() ? all.inNamespace(namespace) : all;
    }

    static Resource<GenericKubernetesResource> named(
            KubernetesClient client, ResourceDefinitionContext kind, String namespace, String name) {
        return in(client, kind, namespace).withName(name);
    }
}
