package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import dev.burstgitops.sync.ObjectOutcome.Failed;
import dev.burstgitops.sync.ObjectOutcome.Pruned;
import dev.burstgitops.sync.ObjectOutcome.Released;
import dev.burstgitops.sync.ObjectOutcome.Retained;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
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
 * name, or one a person has taken over, survives. Never deleted: a protected namespace
 * ({@link ProtectedNamespaces}), an object named in {@code sync.protect} or the controller's own
 * ({@link NeverPruned}); a Namespace that holds objects this controller did not apply for this
 * cluster ({@link NamespaceContents}), and a CRD with such custom resources ({@link CustomResources}).
 * All but the protected namespaces are kept in the inventory, so a later pass looks at them again.
 * An object recorded at a version no longer served is deleted through a version that is
 * ({@link ServedVersions}). An object the inventory marks adopted (made by someone else before
 * this controller first applied it, {@link Adoption}) is released instead of deleted, unless
 * {@code sync.pruneAdopted}: its managed labels and this controller's managed fields go
 * ({@link ReleasePatch}), the object and its values stay, and its entry is dropped. Every delete
 * and release is behind the pass's {@link WriteFence}.
 */
final class Pruner {

    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);

    /** The outcomes, and the entries to keep in the inventory because they were kept or their deletion failed. */
    record Result(List<ObjectOutcome> outcomes, List<InventoryEntry> stillOwned) {
    }

    private final KubernetesClient client;
    private final ServedKinds servedKinds;
    private final ManagedLabels labels;
    private final ProtectedNamespaces protectedNamespaces;
    private final NeverPruned neverPruned;
    private final WriteFence fence;
    private final boolean pruneAdopted;

    /** @param pruneAdopted delete adopted objects like any other ({@code sync.pruneAdopted}) instead of releasing them */
    Pruner(KubernetesClient client, ServedKinds servedKinds, ManagedLabels labels, ProtectedNamespaces protectedNamespaces,
           NeverPruned neverPruned, WriteFence fence, boolean pruneAdopted) {
        this.client = client;
        this.servedKinds = servedKinds;
        this.labels = labels;
        this.protectedNamespaces = protectedNamespaces;
        this.neverPruned = neverPruned;
        this.fence = fence;
        this.pruneAdopted = pruneAdopted;
    }

    /** @param inventory every object of this pass's inventory: a CRD's custom resources among them are this controller's */
    Result prune(List<InventoryEntry> candidates, Set<ObjectKey> inventory, boolean write) {
        List<ObjectOutcome> outcomes = new ArrayList<>();
        List<InventoryEntry> stillOwned = new ArrayList<>();
        for (InventoryEntry entry : ApplyOrder.forPrune(candidates, InventoryEntry::kind)) {
            try {
                pruneOne(entry, inventory, write, stillOwned).ifPresent(outcomes::add);
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

    /** Prunes one entry; adds it to {@code stillOwned} when it must be looked at again on a later pass. */
    private Optional<ObjectOutcome> pruneOne(InventoryEntry entry, Set<ObjectKey> inventory, boolean write,
                                             List<InventoryEntry> stillOwned) {
        Optional<ResourceDefinitionContext> kind = new ServedVersions(client, servedKinds).find(entry.apiVersion(), entry.kind());
        if (kind.isEmpty()) {
            // Served at no version: the CRD went, and its objects with it.
            LOG.info("forget {}: kind no longer served at any version", entry.key());
            return Optional.empty();
        }
        var resource = GenericResources.named(client, kind.get(), entry.namespace(), entry.name());
        GenericKubernetesResource live = resource.get();
        if (live == null) {
            LOG.debug("forget {}: already gone", entry.key());
            return Optional.empty();
        }
        boolean release = entry.adopted() && !pruneAdopted;
        Optional<Keep> keep = whyKeep(entry, live, inventory, release);
        if (keep.isPresent()) {
            LOG.info("keep {}: {}", entry.key(), keep.get().reason());
            if (keep.get().lookAgain()) {
                stillOwned.add(entry);
            }
            return Optional.of(new Retained(entry.key(), keep.get().reason()));
        }
        if (release) {
            return Optional.of(release(entry, resource, live, write));
        }
        if (write) {
            fence.check();
            resource.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        }
        String servedAt = kind.get().getGroup().isEmpty() ? kind.get().getVersion()
                : kind.get().getGroup() + "/" + kind.get().getVersion();
        LOG.info("{} {}{}", write ? "prune" : "would prune", entry.key(),
                servedAt.equals(entry.apiVersion()) ? "" : " (through " + servedAt + ", " + entry.apiVersion() + " is no longer served)");
        return Optional.of(new Pruned(entry.key()));
    }

    /** Gives an adopted object back to whoever made it, keeping it and every value it has. */
    private Released release(InventoryEntry entry, Resource<GenericKubernetesResource> resource,
                             GenericKubernetesResource live, boolean write) {
        if (write) {
            fence.check();
            String patch = client.getKubernetesSerialization().asJson(ReleasePatch.of(live.getMetadata(),
                    Fabric8ClusterApplier.FIELD_MANAGER));
            resource.patch(PatchContext.of(PatchType.JSON), patch);
        }
        Released released = new Released(entry.key());
        LOG.info(released.describe(write));
        return released;
    }

    /** Why an object is not deleted, and whether its entry stays in the inventory for a later pass to look again. */
    private record Keep(String reason, boolean lookAgain) {
    }

    /** @param releasing the object would be released, not deleted: only the checks that guard any write apply */
    private Optional<Keep> whyKeep(InventoryEntry entry, GenericKubernetesResource live, Set<ObjectKey> inventory,
                                   boolean releasing) {
        Optional<String> system = isNamespace(entry) ? protectedNamespaces.whyProtected(entry.name()) : Optional.empty();
        if (system.isPresent()) {
            return Optional.of(new Keep(system.get(), false));
        }
        Optional<String> never = neverPruned.why(entry, live);
        if (never.isPresent()) {
            return Optional.of(new Keep(never.get(), true));
        }
        // No longer ours (labels removed, or opted out): forgotten, so it is never looked at again.
        Optional<String> notOurs = labels.whyNotOurs(live.getMetadata().getLabels(),
                live.getMetadata().getAnnotations());
        if (notOurs.isPresent()) {
            return Optional.of(new Keep(notOurs.get(), false));
        }
        if (releasing) {
            // A release deletes nothing, so what a Namespace or a CRD still holds is no reason to wait.
            return Optional.empty();
        }
        if (isNamespace(entry)) {
            List<String> unmanaged = new NamespaceContents(client, labels, inventory).unmanaged(entry.name());
            return unmanaged.isEmpty() ? Optional.empty() : Optional.of(new Keep("it still holds objects burst-gitops"
                    + " did not apply for cluster " + labels.cluster() + ": " + String.join(", ", unmanaged), true));
        }
        if (entry.kind().equals("CustomResourceDefinition") && entry.key().group().equals("apiextensions.k8s.io")) {
            return new CustomResources(client, servedKinds).whyKept(live, inventory, labels.cluster()).map(why -> new Keep(why, true));
        }
        return Optional.empty();
    }

    private static boolean isNamespace(InventoryEntry entry) {
        return entry.kind().equals("Namespace") && entry.apiVersion().equals("v1");
    }
}
