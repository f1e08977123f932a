package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import dev.burstgitops.sync.ObjectOutcome.Failed;
import dev.burstgitops.sync.ObjectOutcome.Pruned;
import dev.burstgitops.sync.ObjectOutcome.Retained;
import dev.burstgitops.sync.ObjectReconciler.Reconciled;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prune half of a pass: decide whether this pass may prune, prune, and say what the inventory
 * holds afterwards.
 *
 * <p>Nothing is pruned when prune is off, when the desired set is empty and {@code allowEmpty} is
 * not set (an empty render is far more often a mistake than an intent), or when any desired object
 * failed in this pass (a broken change should not also delete things). A skipped prune keeps every
 * old inventory entry, so the objects are pruned on the first clean pass. A desired object that
 * failed, and an object whose deletion failed, keep their entries too: the controller never forgets
 * what it owns.
 *
 * <p>When prune needs confirmation ({@link PruneConfirmation}), the pass first plans the prune,
 * writing nothing; unless the head commit confirms exactly as many deletions as planned, it stops
 * there, reports every planned deletion as awaiting confirmation, and keeps their entries.
 */
final class PruneStep {

    private static final Logger LOG = LoggerFactory.getLogger(PruneStep.class);

    record Result(List<ObjectOutcome> outcomes, Inventory next, List<String> warnings) {
    }

    private final Pruner pruner;

    PruneStep(Pruner pruner) {
        this.pruner = pruner;
    }

    /** The prune step of one pass; {@code controllerPod} is the controller's pod when it runs in this cluster. */
    static PruneStep of(KubernetesClient client, ServedKinds servedKinds, ManagedLabels labels, String inventoryNamespace,
                        Optional<PodIdentity> controllerPod, SyncOptions options) {
        NeverPruned neverPruned = new NeverPruned(options.protectedObjects(),
                new ControllerObjects(client, servedKinds, controllerPod));
        return new PruneStep(new Pruner(client, servedKinds, labels,
                ProtectedNamespaces.forController(inventoryNamespace, controllerPod), neverPruned, options.fence(),
                options.pruneAdopted()));
    }

    Result run(List<Reconciled> reconciled, Inventory previous, SyncOptions options) {
        List<InventoryEntry> applied = reconciled.stream()
                .filter(r -> !(r.outcome() instanceof Failed)).map(Reconciled::entry).toList();
        Set<ObjectKey> desiredKeys = keys(reconciled, false);
        List<InventoryEntry> candidates = previous.notIn(desiredKeys);

        Optional<String> skipReason = skipReason(options, reconciled, candidates);
        if (skipReason.isPresent()) {
            LOG.warn("prune skipped: {}", skipReason.get());
            // This pass's entries first: they carry what was just applied, which the old ones do not.
            return new Result(List.of(), Inventory.of(applied).plus(previous.entries()),
                    List.of("prune skipped: " + skipReason.get()));
        }
        Set<ObjectKey> failedKeys = keys(reconciled, true);
        List<InventoryEntry> failedButOwned = previous.entries().stream()
                .filter(entry -> failedKeys.contains(entry.key())).toList();
        boolean write = options.mode().writes();
        Pruner.Result pruned;
        if (options.pruneConfirmation().required() && !candidates.isEmpty()) {
            Pruner.Result plan = pruner.prune(candidates, previous.keys(), false);
            List<ObjectKey> deletions = plan.outcomes().stream().filter(Pruned.class::isInstance)
                    .map(ObjectOutcome::key).toList();
            if (!options.pruneConfirmation().allows(deletions.size())) {
                return awaitingConfirmation(plan, deletions, previous.plus(applied), options.pruneConfirmation());
            }
            pruned = write ? pruner.prune(candidates, previous.keys(), true) : plan;
        } else {
            pruned = pruner.prune(candidates, previous.keys(), write);
        }
        Inventory next = Inventory.of(applied).plus(failedButOwned).plus(pruned.stillOwned());
        return new Result(pruned.outcomes(), next, List.of());
    }

    /** The planned deletions become kept objects; every entry stays, so they are pruned once confirmed. */
    private static Result awaitingConfirmation(Pruner.Result plan, List<ObjectKey> deletions, Inventory next,
                                               PruneConfirmation confirmation) {
        String warning = confirmation.awaiting(deletions);
        LOG.warn(warning);
        // A planned release waits with the deletions: this pass writes nothing of its prune.
        List<ObjectOutcome> outcomes = plan.outcomes().stream().map(outcome -> outcome instanceof Pruned
                || outcome instanceof ObjectOutcome.Released
                ? new Retained(outcome.key(), confirmation.reason(deletions.size())) : outcome).toList();
        return new Result(outcomes, next, List.of(warning));
    }

    private static Optional<String> skipReason(SyncOptions options, List<Reconciled> reconciled, List<InventoryEntry> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (!options.prune()) {
            return Optional.of("prune is off; " + candidates.size() + " objects no longer desired are kept");
        }
        if (reconciled.isEmpty() && !options.allowEmpty()) {
            return Optional.of("the desired set is empty and allowEmpty is false");
        }
        long failed = reconciled.stream().filter(r -> r.outcome() instanceof Failed).count();
        if (failed > 0) {
            return Optional.of(failed + " objects failed in this pass");
        }
        return Optional.empty();
    }

    private static Set<ObjectKey> keys(List<Reconciled> reconciled, boolean onlyFailed) {
        return reconciled.stream().filter(r -> !onlyFailed || r.outcome() instanceof Failed)
                .map(r -> r.entry().key()).collect(Collectors.toSet());
    }
}
