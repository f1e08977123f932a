package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which fields move to this controller, read as the server writes managed fields. */
class FieldOwnershipTest {

    static final Instant NOW = Instant.parse("2026-12-07T22:00:00Z");
    static final String OURS = "burst-gitops";

    @Test
    void aPersonsEditOfAFieldThisControllerAppliedIsTakenBackButTheirNewAnnotationIsNot() {
        FieldSet applied = set("{\"f:data\":{\"f:color\":{},\"f:size\":{}}}");
        ManagedFieldsEntry ours = entry(OURS, "Apply", null, "{\"f:data\":{\"f:color\":{}}}");
        ManagedFieldsEntry edit = entry("kubectl-edit", "Update", null,
                "{\"f:data\":{\"f:size\":{}},\"f:metadata\":{\"f:annotations\":{\".\":{},\"f:note\":{}}}}");

        Optional<FieldOwnership.Takeover> takeover = FieldOwnership.takeBack(List.of(ours, edit), OURS, "v1", applied,
                FieldSet.EMPTY, FieldOwnership.LEFT_ALONE, NOW);

        assertThat(takeover).hasValueSatisfying(t -> {
            assertThat(t.from()).containsExactly("kubectl-edit");
            assertThat(t.paths()).containsExactly("data.size");
            assertThat(fieldsOf(t.managedFields(), "kubectl-edit"))
                    .isEqualTo(set("{\"f:metadata\":{\"f:annotations\":{\".\":{},\"f:note\":{}}}}"));
            assertThat(fieldsOf(t.managedFields(), OURS)).isEqualTo(applied);
        });
    }

    @Test
    void subresourceWritesAndControllersLeftAloneKeepTheirFields() {
        FieldSet applied = set("{\"f:spec\":{\"f:replicas\":{}}}");
        ManagedFieldsEntry ours = entry(OURS, "Apply", null, "{\"f:spec\":{\"f:paused\":{}}}");
        ManagedFieldsEntry scaler = entry("kubectl-patch", "Update", "scale", "{\"f:spec\":{\"f:replicas\":{}}}");
        ManagedFieldsEntry controller = entry("kube-controller-manager", "Update", null, "{\"f:spec\":{\"f:replicas\":{}}}");

        assertThat(FieldOwnership.takeBack(List.of(ours, scaler, controller), OURS, "apps/v1", applied, FieldSet.EMPTY,
                FieldOwnership.LEFT_ALONE, NOW)).isEmpty();
    }

    @Test
    void beforeFirstApplyGivesUpOnlyWhatGitDeclaresSoAnAutoscalersReplicasStay() {
        ManagedFieldsEntry before = entry("before-first-apply", "Update", null,
                "{\"f:spec\":{\"f:replicas\":{},\"f:paused\":{}}}");

        Optional<FieldOwnership.Takeover> takeover = FieldOwnership.takeBack(List.of(before), OURS, "apps/v1",
                FieldSet.EMPTY, set("{\"f:spec\":{\"f:paused\":{}}}"), FieldOwnership.LEFT_ALONE, NOW);

        assertThat(takeover).hasValueSatisfying(t -> {
            assertThat(fieldsOf(t.managedFields(), "before-first-apply")).isEqualTo(set("{\"f:spec\":{\"f:replicas\":{}}}"));
            assertThat(fieldsOf(t.managedFields(), OURS)).isEqualTo(set("{\"f:spec\":{\"f:paused\":{}}}"));
        });
    }

    @Test
    void kubectlsClientSideApplyIsTakenOverWhole() {
        ManagedFieldsEntry bootstrap = entry("kubectl-client-side-apply", "Update", null,
                "{\"f:data\":{\"f:a\":{},\"f:b\":{}}}");

        Optional<FieldOwnership.Takeover> takeover = FieldOwnership.takeBack(List.of(bootstrap), OURS, "v1",
                FieldSet.EMPTY, set("{\"f:data\":{\"f:a\":{}}}"), FieldOwnership.LEFT_ALONE, NOW);

        assertThat(takeover).hasValueSatisfying(t -> {
            assertThat(t.managedFields()).extracting(ManagedFieldsEntry::getManager).containsExactly(OURS);
            assertThat(t.paths()).containsExactly("data.a", "data.b");
        });
    }

    @Test
    void strippedManagedFieldsAreClaimedAgainFromWhatWasAppliedAndWhatIsDesired() {
        Optional<FieldOwnership.Takeover> takeover = FieldOwnership.takeBack(List.of(), OURS, "v1",
                set("{\"f:data\":{\"f:old\":{}}}"), set("{\"f:data\":{\"f:new\":{}}}"), FieldOwnership.LEFT_ALONE, NOW);

        assertThat(takeover).hasValueSatisfying(t -> {
            assertThat(t.from()).containsExactly("(no managed fields)");
            assertThat(fieldsOf(t.managedFields(), OURS)).isEqualTo(set("{\"f:data\":{\"f:old\":{},\"f:new\":{}}}"));
        });
    }

    @Test
    void nothingMovesWhenThisControllerAloneOwnsWhatItApplied() {
        ManagedFieldsEntry ours = entry(OURS, "Apply", null, "{\"f:data\":{\"f:a\":{}}}");

        assertThat(FieldOwnership.takeBack(List.of(ours), OURS, "v1", set("{\"f:data\":{\"f:a\":{}}}"),
                set("{\"f:data\":{\"f:a\":{}}}"), FieldOwnership.LEFT_ALONE, NOW)).isEmpty();
    }

    static FieldSet set(String json) {
        return FieldSet.fromJson(json);
    }

    static ManagedFieldsEntry entry(String manager, String operation, String subresource, String fields) {
        FieldsV1 fieldsV1 = new FieldsV1();
        set(fields).tree().forEach(fieldsV1::setAdditionalProperty);
        return new ManagedFieldsEntryBuilder().withManager(manager).withOperation(operation).withSubresource(subresource)
                .withApiVersion("v1").withFieldsType("FieldsV1").withFieldsV1(fieldsV1).build();
    }

    static FieldSet fieldsOf(List<ManagedFieldsEntry> entries, String manager) {
        return entries.stream().filter(e -> e.getManager().equals(manager)).findFirst()
                .map(FieldOwnership::fields).orElse(FieldSet.EMPTY);
    }
}
