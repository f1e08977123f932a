package dev.burstgitops.status;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.decision.BurstReadiness;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.decision.ReadinessGate;
import dev.burstgitops.decision.Suspension;
import dev.burstgitops.gitops.Revisions;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.KubernetesClients;
import dev.burstgitops.sync.SyncReport;
import dev.burstgitops.sync.KubernetesEvents;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes what the loops do visible through kubectl: each decision, fallback, override, suspension
 * and failed sync becomes a Kubernetes Event on the policy's VirtualService in the primary cluster
 * ({@code kubectl describe virtualservice worker-virtual-service}), or on the controller's Pod when
 * there is none. Events are written on a thread of their own, so a slow API server never holds a
 * loop back; past a small backlog they are dropped (the commits stay the record).
 */
public final class ControllerEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerEvents.class);

    private final BurstGitopsConfig config;
    private final EventTargets targets;
    private final KubernetesEvents events;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64), runnable -> {
                Thread thread = new Thread(runnable, "events");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());
    /** What each policy's last pass was holding on, so a suspension or an unready burst side is said once. */
    private final Map<String, String> holding = new ConcurrentHashMap<>();
    private final Map<String, ObjectReference> lastDeclared = new ConcurrentHashMap<>();
    private volatile boolean failing;
    /** The client {@link #connect} made, closed with this; none when the caller lent one. */
    private KubernetesClient owned;

    /** @param repository the burst loop's working copy, where a policy's VirtualService namespace is read */
    public ControllerEvents(BurstGitopsConfig config, KubernetesClient primary, Path repository, String identity,
                            java.time.Clock clock) {
        this.config = config;
        this.targets = new EventTargets(primary, repository);
        this.events = new KubernetesEvents(primary, "burst-gitops", identity, clock);
    }

    /**
     * Events to {@code primary}, over a client of their own, closed with them; none without a
     * cluster, or when its client cannot be made (the loops run without Events then).
     */
    public static Optional<ControllerEvents> connect(BurstGitopsConfig config, Optional<ClusterTarget> primary,
                                                     Path repository, String identity, java.time.Clock clock) {
        if (primary.isEmpty()) {
            return Optional.empty();
        }
        try {
            KubernetesClient client = KubernetesClients.connect(primary.get());
            ControllerEvents events = new ControllerEvents(config, client, repository, identity, clock);
            events.owned = client;
            return Optional.of(events);
        } catch (IOException e) {
            LOG.warn("no Kubernetes Events: cannot connect to cluster {}: {}", primary.get().name(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A burst-loop pass; called on the loop's thread, after the pass. */
    public void onPass(PassResult result) {
        Optional<PolicyConfig> policy = config.policy(result.policy());
        if (policy.isEmpty()) {
            return;
        }
        // Between passes the working copy is still: the one time to read where the VirtualService lives.
        targets.declared(policy.get()).ifPresent(reference -> lastDeclared.put(result.policy(), reference));
        Decision decision = result.decision();
        String id = result.commit().map(Revisions::shortId).orElse(null);
        if (decision instanceof Decision.Change change && (id != null || result.proposal().isPresent())) {
            String what = fromTo(change) + " at " + change.observed().describe() + " (" + change.rule() + ")"
                    + (id != null ? ", commit " + id : ", " + result.proposal().get());
            emit(policy.get(), change.fallback().isPresent() ? "Warning" : "Normal", reason(change), what);
            holding.remove(result.policy());
            return;
        }
        String now = decision.reason().startsWith(Suspension.SUSPENDED) ? "Suspended"
                : result.readiness().filter(r -> r instanceof BurstReadiness.NotReady).isPresent()
                && decision.reason().startsWith(ReadinessGate.HELD_BACK) ? "BurstNotReady" : "";
        String before = holding.put(result.policy(), now);
        if (!now.isEmpty() && !now.equals(before)) {
            emit(policy.get(), now.equals("Suspended") ? "Normal" : "Warning", now, decision.reason());
        }
    }

    /** A cluster pass; failures are Warnings, aggregated while the same failure repeats. */
    public void onClusterPass(ClusterPassResult result) {
        if (result instanceof ClusterPassResult.Refused) {
            write(syncTarget(), "Warning", "ClusterNotOurs", result.summary());
        } else if (result.failed()) {
            write(syncTarget(), "Warning", "SyncFailed", result.summary());
        }
        if (result instanceof ClusterPassResult.Synced synced && synced.report().inventoryRebuilt()) {
            write(syncTarget(), "Warning", "InventoryRebuilt", synced.report().warnings().stream()
                    .filter(warning -> warning.startsWith(SyncReport.INVENTORY_REBUILT)).findFirst().orElse(""));
        }
    }

    /** A head the sync loop refuses, once per head: a Warning, like a failed sync. */
    public void onRefusedHead(Optional<RefusedHead> refused) {
        refused.ifPresent(head -> write(syncTarget(), "Warning", "HeadNotVerified", head.message()));
    }

    /** The first policy's VirtualService as last declared; the sync loop never reads the burst copy. */
    private Optional<ObjectReference> syncTarget() {
        return config.policies().stream().findFirst()
                .flatMap(policy -> Optional.ofNullable(lastDeclared.get(policy.name())));
    }

    private void emit(PolicyConfig policy, String type, String reason, String message) {
        Optional<ObjectReference> declared = targets.declared(policy);
        declared.ifPresent(reference -> lastDeclared.put(policy.name(), reference));
        write(declared, type, reason, policy.name() + ": " + message);
    }

    /** Finds the live object (or the Pod) and writes, on the Events thread: no API call on a loop's thread. */
    private void write(Optional<ObjectReference> declared, String type, String reason, String message) {
        writer.execute(() -> {
            try {
                Optional<ObjectReference> about = declared.flatMap(targets::live).or(targets::controllerPod);
                if (about.isEmpty()) {
                    LOG.debug("no object to attach the {} Event to: {}", reason, message);
                    return;
                }
                events.record(about.get(), type, reason, message);
                if (failing) {
                    failing = false;
                    LOG.info("writing Events works again");
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    failing = true;
                    LOG.warn("cannot write Events to the primary cluster (decisions go on, Git is the record): {}",
                            e.getMessage());
                }
            }
        });
    }

    private static String reason(Decision.Change change) {
        if (change.fallback().isPresent()) {
            return "BurstFallback";
        }
        if (change.hold().isPresent()) {
            return "OverrideApplied";
        }
        if (change.share().isPresent() && change.from() == Mode.BURST && change.to() == Mode.BURST) {
            return "BurstShareChanged";
        }
        return change.to() == Mode.BURST ? "BurstEntered" : "BurstExited";
    }

    private static String fromTo(Decision.Change change) {
        return change.share().map(move -> "share " + move.from() + "% -> " + move.to() + "%")
                .orElseGet(() -> change.from().label() + " -> " + change.to().label());
    }

    /** Waits briefly for Events already queued, then stops. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (owned != null) {
            owned.close();
        }
    }

    static ObjectReference reference(String apiVersion, String kind, String namespace, String name, String uid) {
        return new ObjectReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withNamespace(namespace)
                .withName(name).withUid(uid).build();
    }
}
