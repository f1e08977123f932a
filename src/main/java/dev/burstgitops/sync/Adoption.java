package dev.burstgitops.sync;

import dev.burstgitops.sync.ObjectOutcome.Adopted;
import dev.burstgitops.sync.ObjectOutcome.Configured;
import dev.burstgitops.sync.ObjectOutcome.Unchanged;
import dev.burstgitops.sync.ObjectReconciler.Reconciled;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An apply that takes over an object this installation did not create: the object is there, no
 * managed-fields entry of this controller's field manager is on it, and the inventory holds no
 * apply of it. Someone made it by hand (a name clash with Git), so it must be said before it is
 * written and released rather than deleted when it leaves Git ({@link Pruner}).
 *
 * @param createdBy who made it, from the managers of its managed fields: {@code kubectl} for any of
 *                  kubectl's own ({@code kubectl-create}, {@code kubectl-client-side-apply}, ...),
 *                  the manager's name otherwise, {@code unknown} when it has none
 */
record Adoption(String createdBy) {

    static final String UNKNOWN = "unknown";
    private static final Logger LOG = LoggerFactory.getLogger(Adoption.class);

    /**
     * The adoption an apply of this object would be, if it is one.
     *
     * @param managedFields the live object's managed fields
     * @param appliedBefore the inventory holds an apply of this object
     */
    static Optional<Adoption> of(List<ManagedFieldsEntry> managedFields, String fieldManager, boolean appliedBefore) {
        List<ManagedFieldsEntry> entries = managedFields == null ? List.of() : managedFields;
        if (appliedBefore || entries.stream().anyMatch(entry -> fieldManager.equals(entry.getManager()))) {
            return Optional.empty();
        }
        return Optional.of(new Adoption(creators(entries)));
    }

    /** "kubectl", "kubectl, helm": the managers, kubectl's commands counted once as kubectl. */
    static String creators(List<ManagedFieldsEntry> entries) {
        Set<String> names = new LinkedHashSet<>();
        for (ManagedFieldsEntry entry : entries) {
            String manager = entry.getManager();
            if (manager != null && !manager.isEmpty()) {
                names.add(manager.equals("kubectl") || manager.startsWith("kubectl-") ? "kubectl" : manager);
            }
        }
        return names.isEmpty() ? UNKNOWN : String.join(", ", names);
    }

    /**
     * {@code done}, the apply (or its plan) of the adopted object, said as an adoption: the outcome
     * names who made the object, and the entry is marked adopted so that the object is released,
     * not deleted, once it leaves Git. A failed apply adopts nothing and stays a failure.
     */
    Reconciled said(Reconciled done, boolean write) {
        List<FieldChange> changes;
        if (done.outcome() instanceof Configured configured) {
            changes = configured.changes();
        } else if (done.outcome() instanceof Unchanged) {
            changes = List.of();
        } else {
            return done;
        }
        Adopted adopted = new Adopted(done.outcome().key(), done.outcome().source().orElseThrow(), createdBy, changes);
        LOG.info("{} ({}): {}", adopted.describe(write), adopted.location(),
                changes.stream().map(FieldChange::path).toList());
        return new Reconciled(adopted, done.entry().withAdopted(true), done.live());
    }
}
