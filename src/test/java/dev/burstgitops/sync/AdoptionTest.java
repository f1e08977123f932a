package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which applies are adoptions, and how the object's maker is named. */
class AdoptionTest {

    static final String US = Fabric8ClusterApplier.FIELD_MANAGER;

    @Test
    void anObjectNoApplyOfOursTouchedIsAnAdoptionNamingKubectlOnceForAllItsCommands() {
        assertThat(Adoption.of(List.of(by("kubectl-create"), by("kubectl-client-side-apply"), by("kubectl")), US, false))
                .contains(new Adoption("kubectl"));
    }

    @Test
    void anyOtherMakerIsNamedAsItsManagerAndNoneAtAllIsUnknown() {
        assertThat(Adoption.of(List.of(by("helm"), by("kubectl-edit")), US, false)).contains(new Adoption("helm, kubectl"));
        assertThat(Adoption.of(List.of(), US, false)).contains(new Adoption(Adoption.UNKNOWN));
        assertThat(Adoption.of(null, US, false)).contains(new Adoption(Adoption.UNKNOWN));
    }

    @Test
    void anObjectOurManagerWroteOrTheInventoryRecordsAnApplyOfIsNoAdoption() {
        assertThat(Adoption.of(List.of(by("kubectl-edit"), by(US)), US, false)).isEmpty();
        assertThat(Adoption.of(List.of(by("kubectl-create")), US, true)).isEmpty();
    }

    private static ManagedFieldsEntry by(String manager) {
        return new ManagedFieldsEntryBuilder().withManager(manager).withOperation("Update").build();
    }
}
