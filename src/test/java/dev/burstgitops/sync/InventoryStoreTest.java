package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.KubeFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory's stored form on a real API server: in the head while it fits one bucket, in
 * parts at the object limit, and as older versions wrote it.
 */
class InventoryStoreTest {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryStoreTest.class);
    private static final InventoryOwner OWNER = new InventoryOwner(Installation.unnamed("east"),
            "11111111-1111-1111-1111-111111111111");

    @TempDir
    Path dir;

    KubeFixture east;
    KubernetesClient client;

    @BeforeEach
    void start() throws Exception {
        east = KubeFixture.start("east", dir);
        client = KubernetesClients.connect(east.target());
    }

    @AfterEach
    void stop() {
        client.close();
        east.close();
    }

    @Test
    void tenThousandObjectsWithTheLongestNamesFitAndReadBackExactly() {
        // maxObjectsPerCluster entries, each name 253 random characters (the worst case for size
        // and compression), each with what its last apply owned.
        Random random = new Random(20);
        List<InventoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            entries.add(new InventoryEntry("v1", "ConfigMap", "team-" + (i % 7), randomName(random, 253),
                    new LastApply("d" + randomName(random, 42), Integer.toString(100_000 + i), InventoryTest.DATA)));
        }
        Inventory inventory = new Inventory(entries);
        InventoryStore store = new InventoryStore(client, "east", KubeFixture.INVENTORY_NAMESPACE);

        StoredInventory written = store.write(inventory, OWNER, Optional.empty(), WriteFence.OPEN);

        StoredInventory read = store.read().orElseThrow();
        assertThat(read.inventory()).isEqualTo(inventory);
        assertThat(read.owner()).contains(OWNER);
        assertThat(read.parts()).isEqualTo(written.parts()).hasSizeGreaterThan(1);
        int largest = client.configMaps().inNamespace(KubeFixture.INVENTORY_NAMESPACE)
                .withLabel(InventoryStore.INVENTORY_LABEL, "east").list().getItems().stream()
                .mapToInt(map -> map.toString().length()).max().orElseThrow();
        LOG.info("10,000 entries with 253-character names: {} parts, the largest about {} KiB", read.parts().size(),
                largest / 1024);

        // One entry changed: only its part is replaced.
        List<InventoryEntry> changed = new ArrayList<>(entries);
        changed.set(0, entries.get(0).withLastApply(new LastApply("changed", "1", FieldSet.EMPTY)));
        StoredInventory next = store.write(new Inventory(changed), OWNER, Optional.of(read), WriteFence.OPEN);
        assertThat(next.parts()).hasSameSizeAs(read.parts());
        assertThat(next.parts().stream().filter(read.parts()::contains)).hasSize(read.parts().size() - 1);
        assertThat(store.read().orElseThrow().inventory()).isEqualTo(new Inventory(changed));
    }

    @Test
    void anInventoryWrittenBeforeOwnersIsReadThenRewrittenWithItsOwner() throws Exception {
        Path legacy = dir.resolve("legacy.yaml");
        Files.writeString(legacy, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: burst-gitops-inventory-east
                  namespace: burst-gitops
                  labels: {app.kubernetes.io/managed-by: burst-gitops}
                data:
                  objects.yaml: |
                    - {apiVersion: v1, kind: ConfigMap, namespace: default, name: old, digest: abc, resourceVersion: '7'}
                """);
        east.kubectl().run("create", "namespace", KubeFixture.INVENTORY_NAMESPACE);
        east.kubectl().run("create", "-f", legacy.toString());
        InventoryStore store = new InventoryStore(client, "east", KubeFixture.INVENTORY_NAMESPACE);

        StoredInventory read = store.read().orElseThrow();
        assertThat(read.owner()).isEmpty();
        assertThat(read.inventory().entries()).extracting(InventoryEntry::name).containsExactly("old");

        store.write(read.inventory(), OWNER, Optional.of(read), WriteFence.OPEN);

        assertThat(east.kubectl().run("get", "configmap", "burst-gitops-inventory-east", "-n",
                KubeFixture.INVENTORY_NAMESPACE, "-o", "jsonpath={.data.cluster-uid}")).isEqualTo(OWNER.clusterUid());
        assertThat(east.inventoryYaml("east")).contains("name: old");
        assertThat(store.read().orElseThrow().inventory()).isEqualTo(read.inventory());
    }

    @Test
    void anAdoptionIsStoredTheMomentItIsMarkedNotAtTheEndOfThePass() {
        InventoryStore store = new InventoryStore(client, "east", KubeFixture.INVENTORY_NAMESPACE);
        InventoryEntry settings = new InventoryEntry("v1", "ConfigMap", "default", "settings");
        StoredInventory first = store.write(new Inventory(List.of(settings)), OWNER, Optional.empty(), WriteFence.OPEN);
        InventoryAhead pass = new InventoryAhead(store, WriteFence.OPEN, OWNER, Optional.of(first), first.inventory());

        pass.markAdopted(new InventoryEntry("v1", "ConfigMap", "default", "routing"));
        pass.markAdopted(settings);

        // What a pass cut short right after its adopting applies leaves behind: both marks.
        assertThat(store.read().orElseThrow().inventory().entries())
                .extracting(InventoryEntry::name, InventoryEntry::adopted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("routing", true),
                        org.assertj.core.groups.Tuple.tuple("settings", true));
    }

    private static String randomName(Random random, int length) {
        StringBuilder name = new StringBuilder("a");
        while (name.length() < length) {
            name.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return name.toString();
    }
}
