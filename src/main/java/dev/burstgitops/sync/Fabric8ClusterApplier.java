package dev.burstgitops.sync;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.sync.ObjectOutcome.Configured;
import dev.burstgitops.sync.ObjectOutcome.Created;
import dev.burstgitops.sync.ObjectReconciler.Reconciled;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Clock;
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
 * Namespaces, record the inventory ahead, CRDs (then wait until they are established), the rest,
 * prune (an adopted object is released instead), record the inventory, an Event on each object
 * adopted ({@link Adoption}), read health. Within each step objects are applied concurrently
 * ({@link ParallelApply}); prune goes one object at a time in reverse order.
 */
public final class Fabric8ClusterApplier implements ClusterApplier {

    public static final String FIELD_MANAGER = "burst-gitops";

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ClusterApplier.class);

    private final String cluster;
    private final KubernetesClient client;
    private final InventoryStore inventoryStore;
    private final Optional<PodIdentity> controllerPod;
    private final ParallelApply parallel;
    private final PreviewedVersions previewed = new PreviewedVersions();
    private final Clock clock = Clock.systemUTC();
    private final AdoptionEvents adoptionEvents;

    /** Takes ownership of {@code client}; {@code controllerPod}: the controller's, when it runs in this cluster. */
    public Fabric8ClusterApplier(String cluster, KubernetesClient client, String inventoryNamespace,
                                 Optional<PodIdentity> controllerPod) {
        this.cluster = cluster;
        this.client = client;
        this.inventoryStore = new InventoryStore(client, cluster, inventoryNamespace);
        this.controllerPod = controllerPod;
        this.parallel = new ParallelApply(cluster);
        this.adoptionEvents = new AdoptionEvents(client, controllerPod.map(PodIdentity::name).orElse(FIELD_MANAGER),
                clock);
    }

    /** A cluster the controller does not run in. */
    public static Fabric8ClusterApplier connect(ClusterTarget target) throws IOException {
        return connect(target, Optional.empty());
    }

    /** @param controllerPod the controller's own pod when it runs in this cluster: its objects are never pruned */
    public static Fabric8ClusterApplier connect(ClusterTarget target, Optional<PodIdentity> controllerPod)
            throws IOException {
        return new Fabric8ClusterApplier(target.name(), KubernetesClients.connect(target), target.inventoryNamespace(),
                controllerPod);
    }

    @Override
    public SyncReport sync(List<ManifestObject> desired, SyncOptions options) throws ClusterUnreachableException {
        long started = System.nanoTime();
        // The caller's context comes back afterwards: a worker that logs about this pass keeps its cluster.
        String callerCluster = MDC.get("cluster");
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
            if (callerCluster == null) {
                MDC.remove("cluster");
            } else {
                MDC.put("cluster", callerCluster);
            }
        }
    }

    private record Pass(List<ObjectOutcome> outcomes, List<WorkloadHealth> health, List<String> warnings) {
    }

    private Pass run(List<ManifestObject> desired, SyncOptions options) {
        boolean write = options.mode().writes();
        ServedKinds servedKinds = new ServedKinds(client);
        List<ObjectOutcome> refused = new ScopeCheck(servedKinds, inventoryStore.namespace(),
                inventoryStore.configMapName()).refused(desired, options);
        if (!refused.isEmpty()) {
            // Like a render error: nothing of this pass is applied or pruned.
            return new Pass(refused, List.of(), List.of("nothing applied or pruned: " + refused.size()
                    + " objects refused before the pass"));
        }
        InventoryAhead inventory = new InventoryAhead(inventoryStore, options.fence());
        ObjectReconciler reconciler = new ObjectReconciler(client, servedKinds,
                new ObjectWriter(client, options.fence()), inventory.known(), previewed, options.fieldManagersLeftAlone(),
                clock, cluster);
        List<List<ManifestObject>> steps = ApplyOrder.steps(desired, ManifestObject::kind);
        List<Reconciled> reconciled = new ArrayList<>();
        // The entries are known once the kinds are: before the first step after the namespaces,
        // and again only after a CRD step made new kinds served.
        boolean entriesStale = true;
        for (List<ManifestObject> step : steps) {
            if (write && entriesStale && !step.get(0).kind().equals("Namespace")) {
                // Record what this pass may create before creating it (namespaces aside, which the
                // inventory itself may live in), so that a pass cut short (the process killed, the
                // cluster lost) leaves nothing a later pass could not prune.
                inventory.recordAhead(desired.stream().map(reconciler::entryOf).flatMap(Optional::stream).toList());
                entriesStale = false;
            }
            List<Reconciled> done = parallel.reconcile(step, object -> reconciler.reconcile(object, write));
            reconciled.addAll(done);
            if (write && awaitEstablished(done)) {
                servedKinds.forgetUnserved();
                entriesStale = true;
            }
        }
        PruneStep.Result pruned = PruneStep.of(client, servedKinds, cluster, inventoryStore.namespace(), controllerPod,
                options).run(reconciled, inventory.known(), options);
        if (write) {
            inventory.record(pruned.next());
            // Said once the inventory holds the adoption, so the Event never announces what a failed write lost.
            adoptionEvents.record(reconciled);
        }
        List<ObjectOutcome> outcomes = new ArrayList<>(reconciled.stream().map(Reconciled::outcome).toList());
        outcomes.addAll(pruned.outcomes());
        return new Pass(outcomes, health(reconciled), pruned.warnings());
    }

    /** Waits until the CRDs this step created or changed are established; true when there were any. */
    private boolean awaitEstablished(List<Reconciled> step) {
        List<String> crds = step.stream().map(Reconciled::outcome)
                .filter(outcome -> outcome instanceof Created || outcome instanceof Configured)
                .filter(outcome -> outcome.key().kind().equals("CustomResourceDefinition"))
                .map(outcome -> outcome.key().name()).toList();
        crds.forEach(name -> CustomResourceDefinitions.awaitEstablished(client, name));
        return !crds.isEmpty();
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
        parallel.close();
        client.close();
    }
}
