package dev.burstgitops.sync;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.manifest.ObjectKey;
import dev.burstgitops.sync.FieldOwnership.Takeover;
import dev.burstgitops.sync.ObjectOutcome.Configured;
import dev.burstgitops.sync.ObjectOutcome.Created;
import dev.burstgitops.sync.ObjectOutcome.Failed;
import dev.burstgitops.sync.ObjectOutcome.Unchanged;
import dev.burstgitops.sync.WriteRule.Judgement;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one desired object to its cluster with server-side apply, writing only what {@link
 * WriteRule} calls for: an object nobody touched since this controller last applied the same
 * configuration costs no request at all; one someone else wrote is judged by the server's own dry
 * run, compared exactly with the live object ({@link StoredDiff}); fields a person or kubectl took
 * are taken back first ({@link FieldOwnership}), so that a field Git dropped leaves. In detect and
 * dry-run mode it stops after the dry run. A kind the cluster does not serve or an object the
 * server rejects becomes a {@link Failed} outcome; only an unreachable server escapes, as the
 * exception, to end the pass. Safe to call from several threads at once.
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
    private final Map<ObjectKey, InventoryEntry> inventory;
    private final PreviewedVersions previewed;
    private final Set<String> leftAlone;
    private final Clock clock;
    private final ManagedLabels labels;
    private final String defaultNamespace;
    private final java.util.function.Consumer<InventoryEntry> adoptingAhead;

    /** @param adoptingAhead records an object as adopted in the inventory before the apply that adopts it */
    ObjectReconciler(KubernetesClient client, ServedKinds servedKinds, ObjectWriter writer, Inventory inventory,
                     PreviewedVersions previewed, Set<String> leftAlone, Clock clock, ManagedLabels labels,
                     java.util.function.Consumer<InventoryEntry> adoptingAhead) {
        this.adoptingAhead = adoptingAhead;
        this.client = client;
        this.liveObjects = new LiveObjects(client);
        this.servedKinds = servedKinds;
        this.writer = writer;
        this.inventory = inventory.byKey();
        this.previewed = previewed;
        this.leftAlone = Set.copyOf(leftAlone);
        this.clock = clock;
        this.labels = labels;
        this.defaultNamespace = client.getNamespace() == null ? "default" : client.getNamespace();
    }

    /** The inventory entry {@code object} will have once applied; empty for a kind the cluster does not serve. */
    Optional<InventoryEntry> entryOf(ManifestObject object) {
        try {
            return servedKinds.find(object.apiVersion(), object.kind()).map(kind -> DesiredObject.of(object, labels,
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
        DesiredObject desired = DesiredObject.of(object, labels, kind.map(ResourceDefinitionContext::isNamespaceScoped)
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
            previewed.forget(desired.key());
            return failed(desired, ApiErrors.describe(e));
        } catch (ObjectWriter.RecreateFailed e) {
            return failed(desired, e.getMessage());
        }
    }

    private Reconciled reconcile(DesiredObject desired, ResourceDefinitionContext kind, boolean write) {
        ObjectKey key = desired.key();
        String digest = ConfigurationDigest.of(desired.content());
        Optional<InventoryEntry> known = Optional.ofNullable(inventory.get(key));
        Optional<LastApply> last = known.flatMap(InventoryEntry::last);
        GenericKubernetesResource live = liveObjects.get(kind, key.namespace(), key.name());
        Optional<Adoption> adoption = live == null ? Optional.empty()
                : Adoption.of(live.getMetadata().getManagedFields(), ObjectWriter.FIELD_MANAGER, last.isPresent());
        if (adoption.isPresent() && write) {
            // Marked before the apply takes the object over: a pass cut short after the apply and
            // before the inventory's last write would otherwise leave no mark, and a later removal
            // from Git would delete what a person made.
            adoptingAhead.accept(desired.entry().withAdopted(true));
        }
        Reconciled done = decide(desired, kind, write, known, digest, live);
        if (adoption.isPresent()) {
            return adoption.get().said(done, write);
        }
        // Once adopted, always adopted: each later apply keeps the mark, or a revert would delete the object.
        return known.filter(InventoryEntry::adopted).isPresent()
                ? new Reconciled(done.outcome(), done.entry().withAdopted(true), done.live()) : done;
    }

    private Reconciled decide(DesiredObject desired, ResourceDefinitionContext kind, boolean write,
                              Optional<InventoryEntry> known, String digest, GenericKubernetesResource live) {
        ObjectKey key = desired.key();
        Optional<LastApply> last = known.flatMap(InventoryEntry::last);
        String liveVersion = live == null ? null : live.getMetadata().getResourceVersion();
        Judgement judgement = WriteRule.judge(last, digest, liveVersion, previewed.contains(key, digest, liveVersion),
                write);
        String source = desired.source().source().toString();
        switch (judgement.step()) {
            case NOTHING:
                LOG.debug("unchanged {}", key);
                return new Reconciled(new Unchanged(key, desired.source().source()), known.get(), Optional.of(asMap(live)));
            case CREATE:
                LOG.info("{} {} ({})", write ? "create" : "would create", key, source);
                // Created only if still absent: another replica that took over meanwhile may have created it.
                Optional<Map<String, Object>> created = write
                        ? Optional.of(writer.apply(desired, kind, liveObjects.absentAt(kind, key.namespace())))
                        : Optional.empty();
                return new Reconciled(new Created(key, desired.source().source(), judgement.reason()),
                        entry(desired, digest, created.orElse(null)), created);
            case APPLY:
                return written(desired, asMap(live), writer.apply(desired, kind, liveVersion), List.of(),
                        judgement.reason(), digest);
            default:
                return previewed(desired, kind, live, judgement.reason(), digest, write);
        }
    }

    /**
     * Asks the server what an apply would store, and writes only when that differs or ownership
     * must move. The apply comes first: its force already takes back every field whose value
     * someone changed, so a drift costs one write; only fields others still own afterwards (a
     * value a person set that Git has since dropped, fields kubectl co-owns) are moved by a
     * managed-fields patch, and a second apply removes what Git dropped.
     */
    private Reconciled previewed(DesiredObject desired, ResourceDefinitionContext kind, GenericKubernetesResource live,
                                 ApplyReason reason, String digest, boolean write) {
        ObjectKey key = desired.key();
        Map<String, Object> liveContent = asMap(live);
        Map<String, Object> preview = writer.preview(desired, kind);
        List<FieldChange> changes = StoredDiff.differences(liveContent, preview, isSecret(key));
        Optional<Takeover> takeover = changes.isEmpty() ? takeBack(desired, liveContent, preview) : Optional.empty();
        if (changes.isEmpty() && takeover.isEmpty()) {
            LOG.debug("unchanged {} (written by someone else, as Git wants it)", key);
            previewed.remember(key, digest, live.getMetadata().getResourceVersion());
            // A known configuration keeps its entry; a new one is recorded as if applied here, since the server agrees.
            InventoryEntry entry = Optional.ofNullable(inventory.get(key)).filter(known -> known.last().map(LastApply::digest)
                    .filter(digest::equals).isPresent()).orElseGet(() -> entry(desired, digest, liveContent));
            return new Reconciled(new Unchanged(key, desired.source().source()), entry, Optional.of(liveContent));
        }
        if (!write) {
            List<FieldChange> planned = new ArrayList<>(changes);
            takeover.ifPresent(t -> planned.add(FieldChange.takenOver(t.from(), t.paths())));
            LOG.info("drift in {} ({}): {}", key, desired.source().source(), paths(planned));
            return new Reconciled(new Configured(key, desired.source().source(), planned, reason),
                    entry(desired, digest, null), Optional.of(liveContent));
        }
        Map<String, Object> after = changes.isEmpty() ? liveContent
                : writer.apply(desired, kind, live.getMetadata().getResourceVersion());
        if (!changes.isEmpty()) {
            takeover = takeBack(desired, after, after);
        }
        List<FieldChange> ownership = new ArrayList<>();
        if (takeover.isPresent()) {
            Map<String, Object> owned = writer.replaceManagedFields(desired, kind, resourceVersion(after),
                    takeover.get().managedFields());
            ownership.add(FieldChange.takenOver(takeover.get().from(), takeover.get().paths()));
            LOG.info("took back {} of {} from {}", takeover.get().paths(), key, takeover.get().from());
            after = writer.apply(desired, kind, resourceVersion(owned));
        }
        return written(desired, liveContent, after, ownership, reason, digest);
    }

    /** The ownership to take back on {@code current}, given the fields {@code applied} (an apply or its dry run) owns. */
    private Optional<Takeover> takeBack(DesiredObject desired, Map<String, Object> current, Map<String, Object> applied) {
        FieldSet last = Optional.ofNullable(inventory.get(desired.key())).flatMap(InventoryEntry::last).map(LastApply::fields)
                .orElse(FieldSet.EMPTY);
        return FieldOwnership.takeBack(managedFields(current), ObjectWriter.FIELD_MANAGER, desired.source().apiVersion(),
                last, FieldOwnership.ownedBy(managedFields(applied), ObjectWriter.FIELD_MANAGER),
                leftAlone, clock.instant());
    }

    private Reconciled written(DesiredObject desired, Map<String, Object> before,
                               Map<String, Object> after, List<FieldChange> ownership, ApplyReason reason,
                               String digest) {
        ObjectKey key = desired.key();
        List<FieldChange> changes = new ArrayList<>(StoredDiff.differences(before, after, isSecret(key)));
        changes.addAll(ownership);
        previewed.forget(key);
        InventoryEntry entry = entry(desired, digest, after);
        if (changes.isEmpty()) {
            LOG.debug("applied {}: the server stored nothing new", key);
            return new Reconciled(new Unchanged(key, desired.source().source()), entry, Optional.of(after));
        }
        LOG.info("configure {} ({}, {}): {}", key, desired.source().source(), reason.label(), paths(changes));
        return new Reconciled(new Configured(key, desired.source().source(), changes, reason), entry, Optional.of(after));
    }

    /** The entry with what was applied, read from the object the server stored; without it when nothing was stored. */
    private InventoryEntry entry(DesiredObject desired, String digest, Map<String, Object> stored) {
        if (stored == null) {
            return desired.entry();
        }
        String version = resourceVersion(stored);
        FieldSet owned = FieldOwnership.ownedBy(managedFields(stored), ObjectWriter.FIELD_MANAGER);
        return desired.entry().withLastApply(new LastApply(digest, version, owned));
    }

    private static String resourceVersion(Map<String, Object> stored) {
        Object metadata = stored.get("metadata");
        return metadata instanceof Map<?, ?> map && map.get("resourceVersion") != null
                ? map.get("resourceVersion").toString() : "";
    }

    private List<ManagedFieldsEntry> managedFields(Map<String, Object> stored) {
        return client.getKubernetesSerialization().convertValue(stored, GenericKubernetesResource.class)
                .getMetadata().getManagedFields();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(GenericKubernetesResource resource) {
        return client.getKubernetesSerialization().convertValue(resource, Map.class);
    }

    private static boolean isSecret(ObjectKey key) {
        return key.kind().equals("Secret") && key.group().isEmpty();
    }

    private static List<String> paths(List<FieldChange> changes) {
        return changes.stream().map(FieldChange::path).toList();
    }

    private static Reconciled failed(DesiredObject desired, String message) {
        LOG.warn("{}: {}: {}", desired.source().source(), desired.key(), message);
        return new Reconciled(new Failed(desired.key(), Optional.of(desired.source().source()), message),
                desired.entry(), Optional.empty());
    }
}
