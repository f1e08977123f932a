package dev.burstgitops.sync;

import dev.burstgitops.sync.ObjectOutcome.Failed;
import dev.burstgitops.sync.ObjectOutcome.Pruned;
import dev.burstgitops.sync.ObjectOutcome.Retained;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes objects the inventory lists and the repository no longer asks for, in reverse apply
 * order (the rest, then CRDs, then Namespaces). The live object decides, not the inventory alone:
 * it is deleted only when it still carries both managed labels for this cluster and is not
 * annotated {@code burst-gitops/prune: disabled}, so a hand-made object that happens to share a
 * name, or one a person has taken over, survives.
 */
final class Pruner {

    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);
    /** Namespaces every cluster has and needs; deleting one takes the cluster down with it. */
    private static final Set<String> SYSTEM_NAMESPACES = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    /** The outcomes, and the entries to keep in the inventory because their deletion failed. */
    record Result(List<ObjectOutcome> outcomes, List<InventoryEntry> stillOwned) {
    }

    private final KubernetesClient client;
    private final ServedKinds servedKinds;
    private final String cluster;

    Pruner(KubernetesClient client, ServedKinds servedKinds, String cluster) {
        this.client = client;
        this.servedKinds = servedKinds;
        this.cluster = cluster;
    }

    Result prune(List<InventoryEntry> candidates, boolean write) {
        List<ObjectOutcome> outcomes = new ArrayList<>();
        List<InventoryEntry> stillOwned = new ArrayList<>();
        for (InventoryEntry entry : ApplyOrder.forPrune(candidates, InventoryEntry::kind)) {
            try {
                pruneOne(entry, write).ifPresent(outcomes::add);
            } catch (KubernetesClientException e) {
                if (ApiErrors.isUnreachable(e)) {
                    throw e;
                }
                LOG.warn("prune {}: {}", entry.key(), ApiErrors.describe(e));
                outcomes.add(new Failed(entry.key(), Optional.empty(), "prune: " + ApiErrors.describe(e)));
                stillOwned.add(entry);
            }
        }
        return new Result(outcomes, stillOwned);
    }

    private Optional<ObjectOutcome> pruneOne(InventoryEntry entry, boolean write) {
        Optional<ResourceDefinitionContext> kind = servedKinds.find(entry.apiVersion(), entry.kind());
        if (kind.isEmpty()) {
            // No kind, no object: the CRD went, and its objects with it.
            LOG.info("forget {}: kind no longer served", entry.key());
            return Optional.empty();
        }
        var resource = GenericResources.named(client, kind.get(), entry.namespace(), entry.name());
        GenericKubernetesResource live = resource.get();
        if (live == null) {
            LOG.debug("forget {}: already gone", entry.key());
            return Optional.empty();
        }
        Optional<String> keep = isSystemNamespace(entry) ? Optional.of("a system namespace is never pruned")
                : ManagedLabels.whyNotPrunable(live.getMetadata().getLabels(), live.getMetadata().getAnnotations(), cluster);
        if (keep.isPresent()) {
            LOG.info("keep {}: {}", entry.key(), keep.get());
            return Optional.of(new Retained(entry.key(), keep.get()));
        }
        if (write) {
            resource.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        }
        LOG.info("{} {}", write ? "prune" : "would prune", entry.key());
        return Optional.of(new Pruned(entry.key()));
    }

    private static boolean isSystemNamespace(InventoryEntry entry) {
        return entry.kind().equals("Namespace") && entry.apiVersion().equals("v1") && SYSTEM_NAMESPACES.contains(entry.name());
    }
}
