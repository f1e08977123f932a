package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.sync.ObjectOutcome.Pruned;
import dev.burstgitops.sync.ObjectOutcome.Retained;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster is known by its identity and its inventory by its owner: a kubeconfig pointed at
 * another environment, an inventory restored into another cluster, a second installation on the
 * same cluster, labels copied onto a person's object, a deleted inventory. Each scenario ran on the
 * previous version applied or pruned what was not its own; here each stops, keeps or rebuilds.
 */
class ClusterOwnershipTest {

    private static final Installation FLEET = Installation.of("https://git.example.com/acme/fleet.git", "main",
            "clusters/east");
    private static final Installation STAGING = Installation.of("git@git.example.com:acme/staging.git", "main",
            "clusters/east");

    @TempDir
    Path dir;

    KubeFixture east;
    KubeFixture elsewhere;

    @BeforeEach
    void start() {
        east = KubeFixture.start("east", dir);
        elsewhere = KubeFixture.start("elsewhere", dir);
    }

    @AfterEach
    void stop() {
        east.close();
        elsewhere.close();
    }

    @Test
    void aKubeconfigPointedAtAnotherInstallationsClusterStopsBeforeAnyWrite() throws Exception {
        try (Fabric8ClusterApplier staging = applier(elsewhere.targetAs("east"), STAGING)) {
            staging.sync(objects("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: prices, namespace: default}
                    data: {tier: gold}
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: routes, namespace: default}
                    data: {to: eu}
                    """), SyncOptions.apply("s1"));
        }
        elsewhere.forgetRequests();

        try (Fabric8ClusterApplier slip = applier(elsewhere.targetAs("east"), FLEET)) {
            assertThatThrownBy(() -> slip.sync(objects("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: fleet-settings, namespace: default}
                    data: {a: b}
                    """), SyncOptions.apply("f1")))
                    .isInstanceOf(OwnershipException.class)
                    .hasMessageContaining("its inventory belongs to another installation (git.example.com/acme/staging")
                    .hasMessageContaining("sync.adoptCluster: {east: " + elsewhere.identity() + "}");
        }

        assertThat(elsewhere.writes()).isEmpty();
        assertThat(elsewhere.kubectl().run("get", "configmaps", "-n", "default", "-o", "name").lines())
                .contains("configmap/prices", "configmap/routes").doesNotContain("configmap/fleet-settings");
    }

    @Test
    void aClusterThatIsNotTheOneSyncedBeforeStopsUntilAPersonConfirmsIt() throws Exception {
        try (KubernetesClient home = KubernetesClients.connect(east.target())) {
            ClusterMemory memory = new ConfigMapClusterMemory(home, KubeFixture.INVENTORY_NAMESPACE, "burst-gitops");
            try (Fabric8ClusterApplier first = Fabric8ClusterApplier.connect(east.targetAs("east")
                    .withOwnership(FLEET, Optional.empty()), memory, Optional.empty())) {
                first.sync(settings(), SyncOptions.apply("f1"));
            }
            assertThat(east.kubectl().run("get", "configmap", "burst-gitops-clusters", "-n",
                    KubeFixture.INVENTORY_NAMESPACE, "-o", "jsonpath={.data.east}")).isEqualTo(east.identity());

            // The same configuration, its kubeconfig now pointing at a fresh cluster: no inventory there to object.
            ClusterMemory restarted = new ConfigMapClusterMemory(home, KubeFixture.INVENTORY_NAMESPACE, "burst-gitops");
            try (Fabric8ClusterApplier slip = Fabric8ClusterApplier.connect(elsewhere.targetAs("east")
                    .withOwnership(FLEET, Optional.empty()), restarted, Optional.empty())) {
                assertThatThrownBy(() -> slip.sync(settings(), SyncOptions.apply("f2")))
                        .isInstanceOf(OwnershipException.class)
                        .hasMessageContaining("is not the cluster synced before: its kube-system Namespace has UID "
                                + elsewhere.identity() + ", it had " + east.identity());
            }
            assertThat(elsewhere.writes()).isEmpty();

            try (Fabric8ClusterApplier confirmed = Fabric8ClusterApplier.connect(elsewhere.targetAs("east")
                    .withOwnership(FLEET, Optional.of(elsewhere.identity())), restarted, Optional.empty())) {
                assertThat(confirmed.sync(settings(), SyncOptions.apply("f2")).created()).isEqualTo(1);
            }
            assertThat(restarted.identity("east")).contains(elsewhere.identity());
        }
    }

    @Test
    void anInventoryRestoredIntoAnotherClusterIsRefused() throws Exception {
        try (Fabric8ClusterApplier first = applier(east.targetAs("east"), FLEET)) {
            first.sync(settings(), SyncOptions.apply("f1"));
        }
        Path copy = dir.resolve("inventory.yaml");
        Files.writeString(copy, east.kubectl().run("get", "configmap", "-n", KubeFixture.INVENTORY_NAMESPACE,
                "-l", "burst-gitops/inventory=east", "-o", "yaml"));
        elsewhere.kubectl().run("create", "namespace", KubeFixture.INVENTORY_NAMESPACE);
        elsewhere.kubectl().run("create", "-f", copy.toString());
        elsewhere.forgetRequests();

        try (Fabric8ClusterApplier restored = applier(elsewhere.targetAs("east"), FLEET)) {
            assertThatThrownBy(() -> restored.sync(List.of(), SyncOptions.apply("f2")))
                    .isInstanceOf(OwnershipException.class)
                    .hasMessageContaining("its inventory was written in another cluster (kube-system UID "
                            + east.identity() + ", this one is " + elsewhere.identity() + ")");
        }
        assertThat(elsewhere.writes()).isEmpty();
    }

    @Test
    void labelsCopiedOntoAPersonsObjectDoNotMakeItOurs() throws Exception {
        List<ManifestObject> team = objects("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: team}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: team}
                data: {a: b}
                """);
        try (Fabric8ClusterApplier applier = applier(east.targetAs("east"), FLEET)) {
            applier.sync(team, SyncOptions.apply("f1"));
            // A person makes a ConfigMap from the managed one's YAML: its labels come along.
            Path notes = dir.resolve("notes.yaml");
            Files.writeString(notes, east.kubectl().run("get", "configmap", "settings", "-n", "team", "-o", "yaml")
                    .replace("name: settings", "name: notes").replaceAll("(?m)^\\s+(resourceVersion|uid|creationTimestamp):.*$", ""));
            east.kubectl().run("create", "-f", notes.toString());

            SyncReport report = applier.sync(List.of(), emptying("f2"));

            assertThat(report.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                    .containsExactly("ConfigMap team/settings");
            assertThat(report.outcomes()).filteredOn(Retained.class::isInstance).singleElement()
                    .satisfies(kept -> assertThat(((Retained) kept).reason()).contains("ConfigMap team/notes"));
        }
        assertThat(east.kubectl().run("get", "configmap", "notes", "-n", "team", "-o", "name"))
                .isEqualTo("configmap/notes\n");
    }

    @Test
    void twoInstallationsOnOneClusterNeverCountEachOthersObjects() throws Exception {
        ClusterTarget fleet = east.targetAs("primary");
        ClusterTarget staging = ClusterTarget.of("primary", east.kubeconfig().toString(), "east", "staging-gitops")
                .withOwnership(STAGING, Optional.empty());
        try (Fabric8ClusterApplier a = applier(fleet, FLEET);
             Fabric8ClusterApplier b = Fabric8ClusterApplier.connect(staging)) {
            b.sync(objects("""
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: shared}
                    """), SyncOptions.apply("s1"));
            a.sync(objects("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: a-settings, namespace: shared}
                    data: {a: b}
                    """), SyncOptions.apply("f1"));

            SyncReport report = b.sync(List.of(), emptying("s2"));

            assertThat(report.pruned()).isZero();
            assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(Retained.class,
                    kept -> assertThat(kept.reason()).contains("ConfigMap shared/a-settings"));
        }
        assertThat(east.kubectl().run("get", "configmap", "a-settings", "-n", "shared", "-o", "name"))
                .isEqualTo("configmap/a-settings\n");
    }

    @Test
    void aDeletedInventoryIsRebuiltFromTheObjectsLabelsNeverTakenAsEmpty() throws Exception {
        List<ManifestObject> two = objects("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: one, namespace: default}
                data: {a: b}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: two, namespace: default}
                data: {a: b}
                """);
        try (Fabric8ClusterApplier applier = applier(east.targetAs("east"), FLEET)) {
            applier.sync(two, SyncOptions.apply("f1"));
            east.kubectl().run("delete", "configmap", "-n", KubeFixture.INVENTORY_NAMESPACE, "-l",
                    "burst-gitops/inventory=east");

            SyncReport report = applier.sync(KubeManifests.without(two, "ConfigMap", "two"), SyncOptions.apply("f2"));

            assertThat(report.warnings()).anySatisfy(warning -> assertThat(warning)
                    .startsWith(SyncReport.INVENTORY_REBUILT + "the inventory burst-gitops/burst-gitops-inventory-east"
                            + " was missing; rebuilt from 2 objects"));
            assertThat(report.inventoryRebuilt()).isTrue();
            assertThat(report.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                    .containsExactly("ConfigMap default/two");
        }
        assertThat(east.inventoryYaml("east")).contains("name: one").doesNotContain("name: two");
    }

    private static Fabric8ClusterApplier applier(ClusterTarget target, Installation installation) throws Exception {
        return Fabric8ClusterApplier.connect(target.withOwnership(installation, Optional.empty()));
    }

    /** A pass over a directory Git emptied on purpose ({@code allowEmpty}). */
    private static SyncOptions emptying(String revision) {
        return new SyncOptions(SyncMode.APPLY, revision, true, true);
    }

    private static List<ManifestObject> settings() {
        return objects("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: default}
                data: {a: b}
                """);
    }

    private static List<ManifestObject> objects(String yaml) {
        return KubeManifests.parse("clusters/east/objects.yaml", yaml);
    }
}
