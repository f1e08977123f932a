package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.sync.ObjectOutcome.Pruned;
import dev.burstgitops.sync.ObjectOutcome.Retained;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning from the inventory: only what this controller applied, still labelled, and not opted out. */
class PruneTest {

    @TempDir
    Path dir;

    KubeFixture primary;
    List<ManifestObject> desired;

    @BeforeEach
    void syncOnce() throws Exception {
        primary = KubeFixture.start("primary", dir);
        desired = KubeManifests.resource("/sync/primary.yaml", ApplyTest.FILE);
        primary.applier().sync(desired, SyncOptions.apply("c1"));
        primary.forgetRequests();
    }

    @AfterEach
    void stop() {
        primary.close();
    }

    @Test
    void anObjectDroppedFromTheDesiredSetIsPrunedAndNothingElse() throws Exception {
        SyncReport report = primary.applier().sync(
                KubeManifests.without(desired, "Service", "redis-cache-service"), SyncOptions.apply("c2"));

        assertThat(report.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                .containsExactly("Service default/redis-cache-service");
        assertThat(primary.writes()).extracting(ApiRequest::method, ApiRequest::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DELETE", "/api/v1/namespaces/default/services/redis-cache-service"),
                org.assertj.core.groups.Tuple.tuple("PATCH", "/api/v1/namespaces/burst-gitops/configmaps/burst-gitops-inventory-primary"));
        assertThat(primary.kubectl().run("get", "services", "-n", "default", "-o", "name").lines())
                .containsExactlyInAnyOrder("service/worker-service", "service/frontend-service", "service/kubernetes");
        assertThat(primary.inventoryYaml("primary")).doesNotContain("redis-cache-service").contains("worker-service");
    }

    @Test
    void anObjectThatLostTheManagedLabelsIsNeverPruned() throws Exception {
        primary.kubectl().run("label", "service", "redis-cache-service", "-n", "default", "app.kubernetes.io/managed-by-");

        SyncReport report = primary.applier().sync(
                KubeManifests.without(desired, "Service", "redis-cache-service"), SyncOptions.apply("c2"));

        assertThat(report.pruned()).isZero();
        assertThat(report.outcomes()).filteredOn(Retained.class::isInstance).singleElement()
                .satisfies(kept -> assertThat(((Retained) kept).reason()).contains("app.kubernetes.io/managed-by"));
        assertThat(primary.kubectl().tryRun("get", "service", "redis-cache-service", "-n", "default").succeeded()).isTrue();
    }

    @Test
    void anObjectLabelledForAnotherClusterIsNeverPruned() throws Exception {
        primary.kubectl().run("label", "service", "redis-cache-service", "-n", "default",
                "burst-gitops/cluster=burst", "--overwrite");

        SyncReport report = primary.applier().sync(
                KubeManifests.without(desired, "Service", "redis-cache-service"), SyncOptions.apply("c2"));

        assertThat(report.pruned()).isZero();
        assertThat(primary.kubectl().tryRun("get", "service", "redis-cache-service", "-n", "default").succeeded()).isTrue();
    }

    @Test
    void anObjectAnnotatedPruneDisabledIsNeverPrunedAndLeavesTheInventory() throws Exception {
        primary.kubectl().run("annotate", "service", "redis-cache-service", "-n", "default", "burst-gitops/prune=disabled");

        SyncReport report = primary.applier().sync(
                KubeManifests.without(desired, "Service", "redis-cache-service"), SyncOptions.apply("c2"));

        assertThat(report.pruned()).isZero();
        assertThat(primary.kubectl().tryRun("get", "service", "redis-cache-service", "-n", "default").succeeded()).isTrue();
        assertThat(primary.inventoryYaml("primary")).doesNotContain("redis-cache-service");
    }

    @Test
    void anEmptyDesiredSetPrunesNothingUnlessAllowEmptyIsSet() throws Exception {
        SyncReport guarded = primary.applier().sync(List.of(), SyncOptions.apply("c2"));

        assertThat(guarded.pruned()).isZero();
        assertThat(guarded.warnings()).singleElement().asString().contains("desired set is empty");
        assertThat(primary.writes()).isEmpty();

        SyncReport allowed = primary.applier().sync(List.of(), SyncOptions.apply("c3").withAllowEmpty(true));

        assertThat(allowed.outcomes()).filteredOn(Pruned.class::isInstance).hasSize(desired.size() - 1);
        assertThat(allowed.outcomes()).filteredOn(Retained.class::isInstance).singleElement()
                .satisfies(kept -> assertThat(kept.key().toString()).isEqualTo("Namespace/default"));
    }

    @Test
    void nothingIsPrunedWhileAnotherObjectFailsAndTheInventoryForgetsNothing() throws Exception {
        List<ManifestObject> brokenPass = new ArrayList<>(KubeManifests.without(desired, "Service", "redis-cache-service"));
        brokenPass.addAll(KubeManifests.parse("clusters/primary/gadget.yaml",
                "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g, namespace: default}\n"));

        SyncReport broken = primary.applier().sync(brokenPass, SyncOptions.apply("c2"));

        assertThat(broken.pruned()).isZero();
        assertThat(broken.warnings()).singleElement().asString().contains("1 objects failed");
        assertThat(primary.kubectl().tryRun("get", "service", "redis-cache-service", "-n", "default").succeeded()).isTrue();

        SyncReport repaired = primary.applier().sync(
                KubeManifests.without(desired, "Service", "redis-cache-service"), SyncOptions.apply("c3"));

        assertThat(repaired.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                .containsExactly("Service default/redis-cache-service");
    }

    @Test
    void pruningDeletesNamespacesAfterWhatTheyHold() throws Exception {
        List<ManifestObject> withTeamNamespace = withTeamNamespace();
        primary.applier().sync(withTeamNamespace, SyncOptions.apply("c2"));
        primary.forgetRequests();

        primary.applier().sync(desired, SyncOptions.apply("c3"));

        assertThat(primary.writes()).filteredOn(request -> request.method().equals("DELETE"))
                .extracting(ApiRequest::path)
                .containsExactly("/api/v1/namespaces/team/configmaps/settings", "/api/v1/namespaces/team");
    }

    @Test
    void theInventoryNamespaceIsNeverPrunedEvenWhenGitDeclaredItAndDropsIt() throws Exception {
        List<ManifestObject> withInventoryNamespace = new ArrayList<>(desired);
        withInventoryNamespace.addAll(KubeManifests.parse("clusters/primary/ns.yaml",
                "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + KubeFixture.INVENTORY_NAMESPACE + "}\n"));
        primary.applier().sync(withInventoryNamespace, SyncOptions.apply("c2"));

        SyncReport report = primary.applier().sync(desired, SyncOptions.apply("c3"));

        assertThat(report.pruned()).isZero();
        assertThat(report.outcomes()).filteredOn(Retained.class::isInstance).singleElement().satisfies(kept -> {
            assertThat(kept.key().toString()).isEqualTo("Namespace/" + KubeFixture.INVENTORY_NAMESPACE);
            assertThat(((Retained) kept).reason()).contains("never pruned");
        });
        assertThat(primary.kubectl().run("get", "namespace", KubeFixture.INVENTORY_NAMESPACE,
                "-o", "jsonpath={.status.phase}")).isEqualTo("Active");
    }

    @Test
    void aNamespaceHoldingSomeoneElsesObjectIsKeptUntilItHoldsOnlyOurs() throws Exception {
        List<ManifestObject> withTeam = withTeamNamespace();
        primary.applier().sync(withTeam, SyncOptions.apply("c2"));
        primary.kubectl().run("create", "configmap", "notes", "-n", "team", "--from-literal=todo=keep");

        SyncReport kept = primary.applier().sync(desired, SyncOptions.apply("c3"));

        assertThat(kept.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                .containsExactly("ConfigMap team/settings");
        assertThat(kept.outcomes()).filteredOn(Retained.class::isInstance).singleElement()
                .satisfies(outcome -> assertThat(((Retained) outcome).reason()).contains("ConfigMap team/notes"));
        assertThat(primary.kubectl().run("get", "configmap", "notes", "-n", "team", "-o", "name"))
                .isEqualTo("configmap/notes\n");

        primary.kubectl().run("delete", "configmap", "notes", "-n", "team");
        SyncReport emptied = primary.applier().sync(desired, SyncOptions.apply("c3"));

        assertThat(emptied.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                .containsExactly("Namespace/team");
    }

    /** The desired objects plus a Namespace "team" holding one ConfigMap of ours. */
    private List<ManifestObject> withTeamNamespace() {
        List<ManifestObject> objects = new ArrayList<>(desired);
        objects.addAll(KubeManifests.parse("clusters/primary/team.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: team}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: team}
                data: {color: blue}
                """));
        return objects;
    }
}
