package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ObjectKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inventory's stored form keeps what each object's last apply was, and a pass finds it by object. */
class InventoryTest {

    static final FieldSet DATA = FieldSet.fromJson("{\"f:data\":{\"f:color\":{}}}");

    @Test
    void whatWasLastAppliedSurvivesTheStoredForm() {
        Inventory inventory = new Inventory(List.of(
                new InventoryEntry("v1", "ConfigMap", "default", "settings", new LastApply("d1", "42", DATA)),
                new InventoryEntry("v1", "Namespace", "", "team")));

        Inventory read = Inventory.fromYaml(inventory.toYaml(), inventory.fieldsByEntry());

        assertThat(read).isEqualTo(inventory);
        assertThat(read.entries().get(0).lastApply().fields().paths()).containsExactly("data.color");
    }

    @Test
    void anObjectRecordedAtTwoVersionsIsFoundWithWhatWasLastApplied() {
        Inventory inventory = new Inventory(List.of(
                new InventoryEntry("example.com/v1", "Widget", "default", "w"),
                new InventoryEntry("example.com/v2", "Widget", "default", "w", new LastApply("d2", "7", FieldSet.EMPTY))));

        assertThat(inventory.byKey().get(new ObjectKey("example.com", "Widget", "default", "w")).last())
                .hasValueSatisfying(last -> assertThat(last.digest()).isEqualTo("d2"));
    }

    @Test
    void anAdoptedEntryIsStoredAsAdoptedAndKeepsItThroughEachApply() {
        InventoryEntry adopted = new InventoryEntry("v1", "ConfigMap", "default", "routes", new LastApply("d1", "42", DATA),
                true);
        Inventory inventory = new Inventory(List.of(adopted, new InventoryEntry("v1", "ConfigMap", "default", "ours")));

        Inventory read = Inventory.fromYaml(inventory.toYaml(), inventory.fieldsByEntry());

        assertThat(inventory.toYaml()).containsOnlyOnce("adopted: true");
        assertThat(read).isEqualTo(inventory);
        assertThat(read.entries()).extracting(InventoryEntry::name, InventoryEntry::adopted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ours", false),
                        org.assertj.core.groups.Tuple.tuple("routes", true));
        assertThat(adopted.withLastApply(new LastApply("d2", "43", DATA)).adopted()).isTrue();
        assertThat(adopted.identity().adopted()).isTrue();
    }

    @Test
    void anEntryWrittenBeforeAdoptionWasRecordedReadsAsNotAdopted() {
        Inventory read = Inventory.fromYaml("- {apiVersion: v1, kind: ConfigMap, namespace: default, name: settings,"
                + " digest: d1, resourceVersion: '42'}\n");

        assertThat(read.entries()).singleElement().satisfies(entry -> assertThat(entry.adopted()).isFalse());
    }
}
