package dev.burstgitops.sync;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.manifest.ObjectKey;
import dev.burstgitops.sync.ObjectOutcome.Failed;
import dev.burstgitops.sync.ObjectReconciler.Reconciled;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link ClusterApplier} on fabric8: server-side apply with field manager {@value #FIELD_MANAGER},
 * an inventory ConfigMap in the cluster, and safe prune. A pass reads: apply in order, prune,
 * record the inventory, read health.
 *
 * <p>Prune policy. Nothing is pruned when any desired object failed in this pass (a broken change
 * should not also delete things; the inventory keeps every old entry, so the prune happens on the
 * first clean pass), nor when the desired set is empty unless {@code allowEmpty}. An object whose
 * deletion fails stays in the inventory to be tried again.
 */
public final class Fabric8ClusterApplier implements ClusterApplier {

    public static final String FIELD_MANAGER = "burst-gitops";

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ClusterApplier.class);

    private final String cluster;
    private final KubernetesClient client;
    private final InventoryStore inventoryStore;

    /** Takes ownership of {@code client}: {@link #close()} closes it. */
    public Fabric8ClusterApplier(String cluster, KubernetesClient client, String inventoryNamespace) {
        this.cluster = cluster;
        this.client = client;
        this.inventoryStore = new InventoryStore(client, cluster, inventoryNamespace);
    }

    public static Fabric8ClusterApplier connect(ClusterTarget target) throws IOException {
        return new Fabric8ClusterApplier(target.name(), KubernetesClients.connect(target), target.inventoryNamespace());
    }

    @Override
    public SyncReport sync(List<ManifestObject> desired, SyncOptions options) throws ClusterUnreachableException {
        long started = System.nanoTime();
        MDC.put("cluster", cluster);
        try {
            Pass pass = run(desired, options);
            SyncReport report = new SyncReport(cluster, options.mode(), options.revision(), pass.outcomes(),
                    pass.health(), pass.warnings(), Duration.ofNanos(System.nanoTime() - started));
            LOG.info(report.summary());
            return report;
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw new ClusterUnreachableException(cluster, client.getMasterUrl() + ": " + ApiErrors.describe(e), e);
            }
            throw e;
        } finally {
            MDC.remove("cluster");
        }
    }

    private record Pass(List<ObjectOutcome> outcomes, List<WorkloadHealth> health, List<String> warnings) {
    }

    private Pass run(List<ManifestObject> desired, SyncOptions options) {
        boolean write = options.mode().writes();
        ServedKinds servedKinds = new ServedKinds(client);
        ObjectReconciler reconciler = new ObjectReconciler(client, servedKinds, cluster);
        List<Reconciled> reconciled = ApplyOrder.forApply(desired, ManifestObject::kind).stream()
                .map(object -> reconciler.reconcile(object, write))
                .toList();
        List<ObjectOutcome> outcomes = new ArrayList<>(reconciled.stream().map(Reconciled::outcome).toList());
        List<String> warnings = new ArrayList<>();

        Optional<Inventory> stored = inventoryStore.read();
        Inventory previous = stored.orElse(Inventory.EMPTY);
        List<InventoryEntry> applied = reconciled.stream()
                .filter(r -> !(r.outcome() instanceof Failed)).map(Reconciled::entry).toList();
        Set<ObjectKey> desiredKeys = reconciled.stream().map(r -> r.entry().key()).collect(Collectors.toSet());
        List<InventoryEntry> candidates = previous.notIn(desiredKeys);
        // A desired object that failed is still ours: its old entry stays so a later pass can prune it.
        Set<ObjectKey> failedKeys = reconciled.stream().filter(r -> r.outcome() instanceof Failed)
                .map(r -> r.entry().key()).collect(Collectors.toSet());
        List<InventoryEntry> failedButOwned = previous.entries().stream()
                .filter(entry -> failedKeys.contains(entry.key())).toList();

        Inventory next;
        Optional<String> skipReason = pruneSkipReason(options, desired, outcomes, candidates);
        if (skipReason.isPresent()) {
            warnings.add("prune skipped: " + skipReason.get());
            LOG.warn("prune skipped: {}", skipReason.get());
            next = previous.plus(applied);
        } else {
            Pruner.Result pruned = new Pruner(client, servedKinds, cluster).prune(candidates, write);
            outcomes.addAll(pruned.outcomes());
            next = Inventory.of(applied).plus(failedButOwned).plus(pruned.stillOwned());
        }
        if (write) {
            inventoryStore.write(next, stored);
        }
        return new Pass(outcomes, health(reconciled), warnings);
    }

    private static Optional<String> pruneSkipReason(
            SyncOptions options, List<ManifestObject> desired, List<ObjectOutcome> outcomes, List<InventoryEntry> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (!options.prune()) {
            return Optional.of("prune is off; " + candidates.size() + " objects no longer desired are kept");
        }
        if (desired.isEmpty() && !options.allowEmpty()) {
            return Optional.of("the desired set is empty and allowEmpty is false");
        }
        long failed = outcomes.stream().filter(Failed.class::isInstance).count();
        if (failed > 0) {
            return Optional.of(failed + " objects failed in this pass");
        }
        return Optional.empty();
    }

    private static List<WorkloadHealth> health(List<Reconciled> reconciled) {
        List<WorkloadHealth> health = new ArrayList<>();
        for (Reconciled r : reconciled) {
            r.live().flatMap(live -> WorkloadHealthRules.assess(r.outcome().key(), live)).ifPresent(health::add);
        }
        return health;
    }

    @Override
    public void close() {
        client.close();
    }
}
