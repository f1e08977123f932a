package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns which fields of a live object, and the ownership this controller takes back so that Git
 * wins: server-side apply removes a field Git dropped only while this controller's manager owns it
 * alone, and a person's {@code kubectl edit}, a client-side {@code kubectl apply} bootstrap or
 * managed fields stripped by hand all take that ownership away.
 *
 * <p>What is taken back, entry by entry (subresource entries, such as an HPA's writes through
 * {@code scale}, and the managers left alone are never touched):
 * <ul>
 *   <li>kubectl's appliers ({@code kubectl-client-side-apply}, {@code kubectl} with operation
 *       Apply): every field, since what they applied is the configuration Git replaced;</li>
 *   <li>any other manager ({@code kubectl-edit}, {@code kubectl-patch}, {@code before-first-apply},
 *       a tool): only the fields this controller applied last time or applies now. A person's own
 *       new annotation, and {@code spec.replicas} that an HPA set before managed fields existed,
 *       stay theirs.</li>
 * </ul>
 * When the object has no managed fields at all (stripped by hand), it claims the fields it applied
 * last time and applies now. The bare markers of a map or item ({@code .}) never count as fields to
 * take: every manager that set a label shares the labels map.
 */
final class FieldOwnership {

    /** Managers whose fields are never taken: controllers that own part of an object by design. */
    static final Set<String> LEFT_ALONE = Set.of("kube-apiserver", "kube-controller-manager", "kube-scheduler");
    private static final Set<String> KUBECTL_APPLIERS = Set.of("kubectl-client-side-apply");

    /** The managed fields to write, and whose fields they move to this controller ("kubectl-edit"). */
    record Takeover(List<ManagedFieldsEntry> managedFields, List<String> from, List<String> paths) {
    }

    private FieldOwnership() {
    }

    /** The entry of {@code manager}'s apply on the object itself (not a subresource), if any. */
    static Optional<ManagedFieldsEntry> appliedBy(List<ManagedFieldsEntry> entries, String manager) {
        return entries == null ? Optional.empty() : entries.stream().filter(entry -> isApplyBy(entry, manager)).findFirst();
    }

    /** The fields {@code manager}'s apply owns; empty when it has no entry. */
    static FieldSet ownedBy(List<ManagedFieldsEntry> entries, String manager) {
        return appliedBy(entries, manager).map(FieldOwnership::fields).orElse(FieldSet.EMPTY);
    }

    /**
     * The managed fields with the fields to take back moved into {@code manager}'s Apply entry;
     * empty when nothing is to move.
     *
     * @param applied the fields this controller's last apply owned (from the inventory), may be empty
     * @param desired the fields the coming apply will own (from a dry-run), may be empty
     */
    static Optional<Takeover> takeBack(List<ManagedFieldsEntry> entries, String manager, String apiVersion,
                                       FieldSet applied, FieldSet desired, Set<String> leftAlone, Instant now) {
        List<ManagedFieldsEntry> live = entries == null ? List.of() : entries;
        FieldSet ours = FieldSet.EMPTY;
        FieldSet wanted = applied.union(desired);
        FieldSet taken = FieldSet.EMPTY;
        Set<String> from = new LinkedHashSet<>();
        List<ManagedFieldsEntry> kept = new ArrayList<>();
        for (ManagedFieldsEntry entry : live) {
            if (isApplyBy(entry, manager)) {
                ours = ours.union(fields(entry));
                continue;
            }
            if (!isMainResource(entry) || leftAlone.contains(entry.getManager()) || entry.getFieldsV1() == null) {
                kept.add(entry);
                continue;
            }
            FieldSet theirs = fields(entry);
            FieldSet take = isKubectlApplier(entry) ? theirs : theirs.intersect(wanted);
            if (!take.holdsFields()) {
                kept.add(entry);
                continue;
            }
            taken = taken.union(take);
            from.add(entry.getManager());
            FieldSet rest = theirs.minus(take);
            if (!rest.isEmpty()) {
                kept.add(new ManagedFieldsEntryBuilder(entry).withFieldsV1(fieldsV1(rest)).build());
            }
        }
        if (live.isEmpty() && !wanted.isEmpty()) {
            // Stripped by hand: nobody owns anything, so a field Git drops would stay for good.
            taken = wanted;
            from.add("(no managed fields)");
        }
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        kept.add(new ManagedFieldsEntryBuilder().withManager(manager).withOperation("Apply").withApiVersion(apiVersion)
                .withFieldsType("FieldsV1").withFieldsV1(fieldsV1(ours.union(taken)))
                .withTime(now.truncatedTo(ChronoUnit.SECONDS).toString()).build());
        return Optional.of(new Takeover(kept, List.copyOf(from), taken.minus(ours).paths()));
    }

    static boolean isMainResource(ManagedFieldsEntry entry) {
        return entry.getSubresource() == null || entry.getSubresource().isEmpty();
    }

    static FieldSet fields(ManagedFieldsEntry entry) {
        return entry.getFieldsV1() == null ? FieldSet.EMPTY : FieldSet.of(entry.getFieldsV1().getAdditionalProperties());
    }

    private static boolean isApplyBy(ManagedFieldsEntry entry, String manager) {
        return manager.equals(entry.getManager()) && "Apply".equals(entry.getOperation()) && isMainResource(entry);
    }

    private static boolean isKubectlApplier(ManagedFieldsEntry entry) {
        return KUBECTL_APPLIERS.contains(entry.getManager())
                || "kubectl".equals(entry.getManager()) && "Apply".equals(entry.getOperation());
    }

    private static FieldsV1 fieldsV1(FieldSet set) {
        FieldsV1 fields = new FieldsV1();
        set.tree().forEach(fields::setAdditionalProperty);
        return fields;
    }
}
