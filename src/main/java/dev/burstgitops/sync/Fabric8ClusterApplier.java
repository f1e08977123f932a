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
 * an inventory in the cluster, and safe prune (policy in {@link PruneStep}). A pass reads: the
 * cluster's identity and its inventory's owner (a cluster that is not this installation's stops
 * here, {@link OwnershipCheck}), Namespaces, record the inventory ahead, CRDs (then wait until
 * they are established), the rest, prune (an adopted object is released instead), record the
 * inventory, an Event on each object adopted ({@link Adoption}), read health. Within each step objects are applied concurrently
 * ({@link ParallelApply}); prune goes one object at a time in reverse order.
 */
public final class Fabric8ClusterApplier implements ClusterApplier {

    public static final String FIELD_MANAGER = "burst-gitops";

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ClusterApplier.class);

    private final String cluster;
    private final KubernetesClient client;
    private final InventoryStore inventoryStore;
    private final Installation installation;
    private final Optional<String> confirmedIdentity;
    private volatile ClusterMemory memory;
    private final ManagedLabels labels;
    private final Optional<PodIdentity> controllerPod;
    private final ParallelApply parallel;
    private final PreviewedVersions previewed = new PreviewedVersions();
    private final Clock clock = Clock.systemUTC();
    private final AdoptionEvents adoptionEvents;

    /** Takes ownership of {@code client}; {@code controllerPod}: the controller's, when it runs in this cluster. */
    public Fabric8ClusterApplier(String cluster, KubernetesClient client, String inventoryNamespace,
                                 Optional<PodIdentity> controllerPod) {
        this(cluster, client, inventoryNamespace, Installation.unnamed(cluster), Optional.empty(), ClusterMemory.NONE,
                controllerPod);
    }

    private Fabric8ClusterApplier(String cluster, KubernetesClient client, String inventoryNamespace,
                                  Installation installation, Optional<String> confirmedIdentity, ClusterMemory memory,
                                  Optional<PodIdentity> controllerPod) {
        this.cluster = cluster;
        this.client = client;
        this.inventoryStore = new InventoryStore(client, cluster, inventoryNamespace);
        this.installation = installation;
        this.confirmedIdentity = confirmedIdentity;
        this.memory = memory;
        this.labels = ManagedLabels.of(cluster, installation);
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
        return connect(target, ClusterMemory.NONE, controllerPod);
    }

    /** @param memory where the controller keeps the identity each cluster had at its last sync */
    public static Fabric8ClusterApplier connect(ClusterTarget target, ClusterMemory memory,
                                                Optional<PodIdentity> controllerPod) throws IOException {
        return new Fabric8ClusterApplier(target.name(), KubernetesClients.connect(target), target.inventoryNamespace(),
                target.installation(), target.confirmedIdentity(), memory, controllerPod);
    }

    /**
     * Keeps the controller's memory of cluster identities in this cluster, beside the Lease (see
     * {@link ConfigMapClusterMemory}), for this cluster's passes too, and returns it for the others'.
     */
    public ClusterMemory keepMemoryHere(String namespace, String leaseName) {
        memory = new ConfigMapClusterMemory(client, namespace, leaseName);
        return memory;
    }

    @Override
    public SyncReport sync(List<ManifestObject> desired, SyncOptions options) throws ClusterUnreachableException {
        long started = System.nanoTime();
        // The caller's context comes back afterwards: a worker that logs about this pass keeps its cluster.
        String callerCluster = MDC.get("cluster");
        MDC.put("cluster", cluster);
        // Every write of the pass asks that the lease outlast its request: this cluster's request timeout.
        SyncOptions fenced = options.withFence(options.fence().forRequestsOf(requestDeadline()));
        try {
            Pass pass = run(desired, fenced);
            SyncReport report = new SyncReport(cluster, options.mode(), options.revision(), pass.outcomes(),
                    pass.health(), pass.warnings(), Duration.ofNanos(System.nanoTime() - started));
            LOG.info(report.summary());
            return report;
        } catch (KubernetesClientException e) {
            if (!fenced.fence().holds()) {
                // A request cut off by the pause that cost the lease (a timeout on waking) is the
                // lost lease's doing: "cluster unreachable" would send a person looking for a fault.
                throw new FencedException(e);
            }
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

    /** The longest one request to this cluster takes before the client gives up on it. */
    private Duration requestDeadline() {
        return Duration.ofMillis(Math.max(0, client.getConfiguration().getRequestTimeout()));
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
        InventoryOwner owner = new InventoryOwner(installation, ClusterIdentity.of(client, cluster));
        Optional<StoredInventory> stored = inventoryStore.read();
        Optional<String> remembered = memory.identity(cluster);
        OwnershipCheck.refusal(cluster, owner, stored.flatMap(StoredInventory::owner), remembered, confirmedIdentity)
                .ifPresent(why -> {
                    throw new OwnershipException(why);
                });
        List<String> warnings = new ArrayList<>();
        Inventory start = stored.filter(StoredInventory::complete).map(StoredInventory::inventory)
                .orElseGet(() -> rebuilt(stored, remembered.isPresent(), warnings));
        InventoryAhead inventory = new InventoryAhead(inventoryStore, options.fence(), owner, stored, start);
        ObjectReconciler reconciler = new ObjectReconciler(client, servedKinds,
                new ObjectWriter(client, options.fence()), inventory.known(), previewed, options.fieldManagersLeftAlone(),
                clock, labels, inventory::markAdopted);
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
        PruneStep.Result pruned = PruneStep.of(client, servedKinds, labels, inventoryStore.namespace(), controllerPod,
                options).run(reconciled, inventory.known(), options);
        if (write) {
            inventory.record(pruned.next());
            memory.remember(cluster, owner.clusterUid());
            // Said once the inventory holds the adoption, so the Event never announces what a failed write lost.
            adoptionEvents.record(reconciled);
        }
        List<ObjectOutcome> outcomes = new ArrayList<>(reconciled.stream().map(Reconciled::outcome).toList());
        outcomes.addAll(pruned.outcomes());
        warnings.addAll(pruned.warnings());
        return new Pass(outcomes, health(reconciled), warnings);
    }

    /**
     * The inventory found again from the objects' labels, when it is gone or a part of it is:
     * never taken as empty, or what Git removed meanwhile would never be pruned. Said in the pass
     * when it had been written before (parts of it found, or this cluster synced before).
     */
    private Inventory rebuilt(Optional<StoredInventory> stored, boolean syncedBefore, List<String> warnings) {
        InventoryRebuild.Found found = new InventoryRebuild(client, labels).scan();
        Inventory inventory = stored.map(StoredInventory::inventory).orElse(Inventory.EMPTY).plusNew(found.entries());
        if (stored.isPresent() || syncedBefore || !found.entries().isEmpty()) {
            String what = stored.isPresent() ? "a part of the inventory " + inventoryStore.namespace() + "/"
                    + inventoryStore.configMapName() + " was missing" : "the inventory " + inventoryStore.namespace()
                    + "/" + inventoryStore.configMapName() + " was missing";
            warnings.add(SyncReport.INVENTORY_REBUILT + what + "; rebuilt from " + found.entries().size() + " objects carrying this installation's"
                    + " labels" + (found.unsearched().isEmpty() ? ""
                    : "; kinds that could not be searched keep what they hold unpruned: "
                    + String.join(", ", found.unsearched())));
            LOG.warn(warnings.get(warnings.size() - 1));
        }
        return inventory;
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
