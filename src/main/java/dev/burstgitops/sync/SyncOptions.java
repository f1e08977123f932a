package dev.burstgitops.sync;

import java.util.Objects;
import java.util.Set;

/**
 * How one pass runs.
 *
 * @param mode       apply, detect or dry-run
 * @param revision   the commit the desired objects were rendered from, for the report ("3f2a1c9")
 * @param prune      delete objects this controller applied before and that are no longer desired
 * @param allowEmpty let an empty desired set prune everything; otherwise an empty set prunes nothing,
 *                   because it is far more often a broken render or checkout than an intent
 * @param fence      checked before every write; a pass whose fence no longer holds stops there
 * @param allowedClusterScopedKinds the kinds that may be applied cluster-scoped, whatever the
 *                   cluster's discovery says is cluster-scoped ({@code "*"}: any)
 * @param pruneConfirmation whether deletions wait for the head commit's confirmation
 * @param protectedObjects  objects never pruned, whatever Git says ({@code sync.protect})
 * @param managersLeftAlone field managers whose fields are never taken back, besides the cluster's
 *                          own controllers ({@code sync.leaveFieldsOf}; see {@link FieldOwnership})
 * @param pruneAdopted      delete an adopted object that left Git like any other, instead of releasing
 *                          it to whoever made it ({@code sync.pruneAdopted}; see {@link Adoption})
 */
public record SyncOptions(SyncMode mode, String revision, boolean prune, boolean allowEmpty, WriteFence fence,
                          Set<String> allowedClusterScopedKinds, PruneConfirmation pruneConfirmation,
                          Set<NamedObject> protectedObjects, Set<String> managersLeftAlone, boolean pruneAdopted) {

    public SyncOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(fence, "fence");
        Objects.requireNonNull(pruneConfirmation, "pruneConfirmation");
        revision = revision == null ? "" : revision;
        allowedClusterScopedKinds = Set.copyOf(allowedClusterScopedKinds);
        protectedObjects = Set.copyOf(protectedObjects);
        managersLeftAlone = Set.copyOf(managersLeftAlone);
    }

    public SyncOptions(SyncMode mode, String revision, boolean prune, boolean allowEmpty) {
        this(mode, revision, prune, allowEmpty, WriteFence.OPEN, Set.of(ANY_KIND), PruneConfirmation.NOT_REQUIRED,
                Set.of(), Set.of(), false);
    }

    /** Allows every cluster-scoped kind. */
    public static final String ANY_KIND = "*";

    public static SyncOptions apply(String revision) {
        return new SyncOptions(SyncMode.APPLY, revision, true, false);
    }

    public SyncOptions withMode(SyncMode newMode) {
        return new SyncOptions(newMode, revision, prune, allowEmpty, fence, allowedClusterScopedKinds,
                pruneConfirmation, protectedObjects, managersLeftAlone, pruneAdopted);
    }

    public SyncOptions withAllowEmpty(boolean newAllowEmpty) {
        return new SyncOptions(mode, revision, prune, newAllowEmpty, fence, allowedClusterScopedKinds,
                pruneConfirmation, protectedObjects, managersLeftAlone, pruneAdopted);
    }

    public SyncOptions withFence(WriteFence newFence) {
        return new SyncOptions(mode, revision, prune, allowEmpty, newFence, allowedClusterScopedKinds,
                pruneConfirmation, protectedObjects, managersLeftAlone, pruneAdopted);
    }

    public SyncOptions withAllowedClusterScopedKinds(Set<String> kinds) {
        return new SyncOptions(mode, revision, prune, allowEmpty, fence, kinds, pruneConfirmation, protectedObjects,
                managersLeftAlone, pruneAdopted);
    }

    public SyncOptions withPruneConfirmation(PruneConfirmation confirmation) {
        return new SyncOptions(mode, revision, prune, allowEmpty, fence, allowedClusterScopedKinds, confirmation,
                protectedObjects, managersLeftAlone, pruneAdopted);
    }

    public SyncOptions withProtectedObjects(Set<NamedObject> objects) {
        return new SyncOptions(mode, revision, prune, allowEmpty, fence, allowedClusterScopedKinds,
                pruneConfirmation, objects, managersLeftAlone, pruneAdopted);
    }

    public SyncOptions withManagersLeftAlone(Set<String> managers) {
        return new SyncOptions(mode, revision, prune, allowEmpty, fence, allowedClusterScopedKinds,
                pruneConfirmation, protectedObjects, managers, pruneAdopted);
    }

    public SyncOptions withPruneAdopted(boolean newPruneAdopted) {
        return new SyncOptions(mode, revision, prune, allowEmpty, fence, allowedClusterScopedKinds,
                pruneConfirmation, protectedObjects, managersLeftAlone, newPruneAdopted);
    }

    /** Every field manager whose fields are never taken back: the cluster's own controllers and those configured. */
    Set<String> fieldManagersLeftAlone() {
        Set<String> all = new java.util.HashSet<>(FieldOwnership.LEFT_ALONE);
        all.addAll(managersLeftAlone);
        return all;
    }

    boolean allowsClusterScoped(String kind) {
        return allowedClusterScopedKinds.contains(kind) || allowedClusterScopedKinds.contains(ANY_KIND);
    }
}
