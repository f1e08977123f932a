package dev.burstgitops.sync;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.sync.ObjectReconciler.Reconciled;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link ClusterApplier} on fabric8: server-side apply with field manager {@value #FIELD_MANAGER},
 * an inventory ConfigMap in the cluster, and safe prune (policy in {@link PruneStep}). A pass reads:
 * apply in order, prune, record the inventory, read health.
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
        ServedKinds servedKinds = new ServedKinds(client);
        ObjectReconciler reconciler = new ObjectReconciler(client, servedKinds, cluster);
        Optional<Inventory> stored = inventoryStore.read();
        Inventory known = stored.orElse(Inventory.EMPTY);
        List<ManifestObject> ordered = ApplyOrder.forApply(desired, ManifestObject::kind);
        int namespaces = (int) ordered.stream().takeWhile(object -> "Namespace".equals(object.kind())).count();
        List<Reconciled> reconciled = new ArrayList<>();
        ordered.subList(0, namespaces).forEach(object -> reconciled.add(reconciler.reconcile(object, options.mode().writes())));
        if (options.mode().writes()) {
            // Record what this pass may create before creating it (namespaces aside, which the
            // inventory itself may live in), so that a pass cut short (the process killed, the
            // cluster lost) leaves nothing a later pass could not prune.
            Inventory ahead = known.plusNew(desired.stream().map(reconciler::entryOf).flatMap(Optional::stream)
                    .toList());
            inventoryStore.write(ahead, stored);
            stored = ahead == known ? stored : Optional.of(ahead);
            known = ahead;
        }
        ordered.subList(namespaces, ordered.size())
                .forEach(object -> reconciled.add(reconciler.reconcile(object, options.mode().writes())));
        PruneStep.Result pruned = new PruneStep(new Pruner(client, servedKinds, cluster))
                .run(reconciled, known, options);
        if (options.mode().writes()) {
            inventoryStore.write(pruned.next(), stored);
        }
        List<ObjectOutcome> outcomes = new ArrayList<>(reconciled.stream().map(Reconciled::outcome).toList());
        outcomes.addAll(pruned.outcomes());
        return new Pass(outcomes, health(reconciled), pruned.warnings());
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
