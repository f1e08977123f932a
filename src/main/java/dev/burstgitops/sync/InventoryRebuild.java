package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * An inventory found again from the objects themselves: every object, of every kind the cluster
 * lets this client list, that carries this installation's labels for this cluster. Used when the
 * inventory is gone (a person deleted the ConfigMap) or a part of it is, so that what Git removed
 * meanwhile is still pruned; an empty inventory would silently prune nothing, for ever.
 *
 * <p>The entries know no last apply, so each object costs one dry run on the next pass. Kinds that
 * cannot be listed are named: what they hold stays unpruned, and the pass says so.
 */
final class InventoryRebuild {

    /** The entries found, and the kinds that could not be searched ("Secret: forbidden"). */
    record Found(List<InventoryEntry> entries, List<String> unsearched) {
    }

    private final KubernetesClient client;
    private final ManagedLabels labels;

    InventoryRebuild(KubernetesClient client, ManagedLabels labels) {
        this.client = client;
        this.labels = labels;
    }

    Found scan() {
        List<InventoryEntry> entries = new ArrayList<>();
        List<String> unsearched = new ArrayList<>();
        for (ResourceDefinitionContext kind : ListableKinds.of(client, false)) {
            List<GenericKubernetesResource> items;
            try {
                var resources = client.genericKubernetesResources(kind);
                items = (kind.isNamespaceScoped() ? resources.inAnyNamespace().withLabelSelector(labels.selector())
                        : resources.withLabelSelector(labels.selector())).list().getItems();
            } catch (KubernetesClientException e) {
                if (ApiErrors.isUnreachable(e)) {
                    throw e;
                }
                unsearched.add(kind.getKind() + ": " + ApiErrors.describe(e));
                continue;
            }
            String apiVersion = kind.getGroup() == null || kind.getGroup().isEmpty() ? kind.getVersion()
                    : kind.getGroup() + "/" + kind.getVersion();
            for (GenericKubernetesResource item : items) {
                entries.add(new InventoryEntry(apiVersion, kind.getKind(), item.getMetadata().getNamespace(),
                        item.getMetadata().getName()));
            }
        }
        return new Found(entries, unsearched);
    }
}
