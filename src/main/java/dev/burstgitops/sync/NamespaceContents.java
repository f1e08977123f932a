package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import dev.burstgitops.manifest.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a namespace holds that this controller did not apply for this cluster. A Namespace is
 * pruned only when the answer is empty: deleting a namespace deletes everything in it, and a
 * person's or another tool's objects there are not the controller's to delete. An object is the
 * controller's only when the inventory lists it and it wears this installation's labels: labels
 * alone are copied too easily (a person's ConfigMap made from a managed one's YAML carries them).
 *
 * <p>Every namespaced kind the cluster serves and lets this client list is read, so it costs a
 * few dozen requests, which is why it is asked only before pruning a Namespace. Objects every
 * namespace gets from the cluster itself (the {@code default} ServiceAccount, the
 * {@code kube-root-ca.crt} ConfigMap, Events) and objects already being deleted do not count.
 */
final class NamespaceContents {

    private static final Set<String> CLUSTER_MADE = Set.of("ServiceAccount/default", "ConfigMap/kube-root-ca.crt");
    private static final int SHOWN = 5;

    private final KubernetesClient client;
    private final ManagedLabels labels;
    private final Set<ObjectKey> inventory;

    NamespaceContents(KubernetesClient client, ManagedLabels labels, Set<ObjectKey> inventory) {
        this.client = client;
        this.labels = labels;
        this.inventory = Set.copyOf(inventory);
    }

    /** Up to a few objects in {@code namespace} not managed by this controller for this cluster ("ConfigMap team/notes"). */
    List<String> unmanaged(String namespace) {
        List<String> found = new ArrayList<>();
        for (ResourceDefinitionContext kind : ListableKinds.of(client, true)) {
            List<GenericKubernetesResource> items;
            try {
                items = client.genericKubernetesResources(kind).inNamespace(namespace).list().getItems();
            } catch (KubernetesClientException e) {
                if (ApiErrors.isUnreachable(e)) {
                    throw e;
                }
                // Cannot look: count it as holding something, so the namespace is kept.
                found.add(kind.getKind() + " " + namespace + "/* (cannot list: " + ApiErrors.describe(e) + ")");
                continue;
            }
            for (GenericKubernetesResource item : items) {
                if (counts(kind, item) && found.size() < SHOWN) {
                    found.add(item.getKind() + " " + namespace + "/" + item.getMetadata().getName());
                }
            }
        }
        return found;
    }

    private boolean counts(ResourceDefinitionContext kind, GenericKubernetesResource item) {
        if (item.getMetadata().getDeletionTimestamp() != null
                || CLUSTER_MADE.contains(item.getKind() + "/" + item.getMetadata().getName())) {
            return false;
        }
        ObjectKey key = new ObjectKey(kind.getGroup() == null ? "" : kind.getGroup(), kind.getKind(),
                item.getMetadata().getNamespace(), item.getMetadata().getName());
        boolean ours = inventory.contains(key)
                && labels.whyNotOurs(item.getMetadata().getLabels(), Map.of()).isEmpty();
        return !ours;
    }
}
