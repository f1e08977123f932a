package dev.burstgitops.sync;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.manifest.ObjectKey;
import dev.burstgitops.sync.ObjectOutcome.Configured;
import dev.burstgitops.sync.ObjectOutcome.Created;
import dev.burstgitops.sync.ObjectOutcome.Failed;
import dev.burstgitops.sync.ObjectOutcome.Unchanged;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one desired object to its cluster with server-side apply, writing only when something
 * differs: the live object lacks a desired field (drift, or a change in Git), or this controller
 * owns a field Git no longer has (the apply removes it), or kubectl's apply still co-owns fields
 * (they are taken over first, see {@link FieldTakeover}). All three are read from the live
 * object, so an unchanged repository costs no write and no dry-run. In detect and dry-run mode it
 * stops after the comparison. A kind the cluster does not serve or an object the server rejects
 * becomes a {@link Failed} outcome; only an unreachable server escapes, as the exception, to end
 * the pass. Safe to call from several threads at once.
 */
final class ObjectReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectReconciler.class);

    /** The outcome, the object's inventory entry, and the live object after the pass (for health), when known. */
    record Reconciled(ObjectOutcome outcome, InventoryEntry entry, Optional<Map<String, Object>> live) {
    }

    private final KubernetesClient client;
    private final LiveObjects liveObjects;
    private final ServedKinds servedKinds;
    private final ObjectWriter writer;
    private final String cluster;
    private final String defaultNamespace;

    ObjectReconciler(KubernetesClient client, ServedKinds servedKinds, ObjectWriter writer, String cluster) {
        this.client = client;
        this.liveObjects = new LiveObjects(client);
        this.servedKinds = servedKinds;
        this.writer = writer;
        this.cluster = cluster;
        this.defaultNamespace = client.getNamespace() == null ? "default" : client.getNamespace();
    }

    /** The inventory entry {@code object} will have once applied; empty for a kind the cluster does not serve. */
    Optional<InventoryEntry> entryOf(ManifestObject object) {
        try {
            return servedKinds.find(object.apiVersion(), object.kind()).map(kind -> DesiredObject.of(object, cluster,
                    kind.isNamespaceScoped(), defaultNamespace).entry());
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    Reconciled reconcile(ManifestObject object, boolean write) {
        Optional<ResourceDefinitionContext> kind;
        try {
            kind = servedKinds.find(object.apiVersion(), object.kind());
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw e;
            }
            // Discovery refused for this group: the object fails alone, like an unknown kind.
            kind = Optional.empty();
        }
        DesiredObject desired = DesiredObject.of(object, cluster, kind.map(ResourceDefinitionContext::isNamespaceScoped)
                .orElse(!object.namespace().isEmpty()), defaultNamespace);
        if (kind.isEmpty()) {
            return failed(desired, "the cluster does not serve kind " + object.kind() + " in " + object.apiVersion());
        }
        try {
            return reconcile(desired, kind.get(), write);
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw e;
            }
            return failed(desired, ApiErrors.describe(e));
        } catch (ObjectWriter.RecreateFailed e) {
            return failed(desired, e.getMessage());
        }
    }

    private Reconciled reconcile(DesiredObject desired, ResourceDefinitionContext kind, boolean write) {
        ObjectKey key = desired.key();
        GenericKubernetesResource live = liveObjects.get(kind, key.namespace(), key.name());
        if (live == null) {
            LOG.info("{} {} ({})", write ? "create" : "would create", key, desired.source().source());
            Optional<Map<String, Object>> after = write ? Optional.of(writer.apply(desired, kind)) : Optional.empty();
            return new Reconciled(new Created(key, desired.source().source()), desired.entry(), after);
        }
        Map<String, Object> liveContent = asMap(live);
        List<ManagedFieldsEntry> managedFields = live.getMetadata().getManagedFields();
        List<FieldChange> changed = new ArrayList<>(FieldDiff.differences(desired.comparable(), liveContent));
        OwnedFields.notDesired(OwnedFields.appliedBy(managedFields, ObjectWriter.FIELD_MANAGER), desired.content())
                .forEach(path -> changed.add(FieldChange.removed(path)));
        List<String> takeOver = FieldTakeover.managersToTakeOver(managedFields);
        takeOver.forEach(manager -> changed.add(new FieldChange("fields applied by " + manager + " (taken over)",
                manager, "burst-gitops")));
        if (changed.isEmpty()) {
            LOG.debug("unchanged {}", key);
            return new Reconciled(new Unchanged(key, desired.source().source()), desired.entry(), Optional.of(liveContent));
        }
        LOG.info("{} {} ({}): {}", write ? "configure" : "drift in", key, desired.source().source(),
                changed.stream().map(FieldChange::path).toList());
        Map<String, Object> after = liveContent;
        if (write) {
            if (!takeOver.isEmpty()) {
                writer.takeOver(desired, kind, live);
            }
            after = writer.apply(desired, kind);
        }
        return new Reconciled(new Configured(key, desired.source().source(), changed), desired.entry(), Optional.of(after));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(GenericKubernetesResource resource) {
        return client.getKubernetesSerialization().convertValue(resource, Map.class);
    }

    private static Reconciled failed(DesiredObject desired, String message) {
        LOG.warn("{}: {}: {}", desired.source().source(), desired.key(), message);
        return new Reconciled(new Failed(desired.key(), Optional.of(desired.source().source()), message),
                desired.entry(), Optional.empty());
    }
}
