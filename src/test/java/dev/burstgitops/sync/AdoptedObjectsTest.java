package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario of issue 20 on a real API server: an administrator's ConfigMap and Secret, made
 * with kubectl, clash with names a commit declares. The takeover is said before it happens (dry
 * run), when it happens (report, Event) and kept in the inventory; reverting the commit gives the
 * objects back instead of deleting the administrator's CA and routing data.
 */
class AdoptedObjectsTest {

    static final String FILE = "clusters/primary/app.yaml";
    static final String ADMIN_CA = "ADMIN-CA-CERTIFICATE";
    static final String GIT_CA = "GIT-CA-CERTIFICATE";
    static final String KEY = "ADMIN-PRIVATE-KEY";

    /** Ours from the start: pruned like always when it leaves Git. */
    static final String OURS = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ours, namespace: default}\n"
            + "data: {made: by-git}\n";
    /** The clash: the administrator's names, one value changed in each. */
    static final String CLASH = """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: routing, namespace: default}
            data: {route: west, weight: "50"}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: ca, namespace: default}
            data: {ca.crt: %s, ca.key: %s}
            """.formatted(base64(GIT_CA), base64(KEY));

    @TempDir
    Path dir;

    KubeFixture primary;

    @BeforeEach
    void anAdministratorMakesTheirObjectsByHand() {
        primary = KubeFixture.start("primary", dir);
        primary.kubectl().run("create", "configmap", "routing", "-n", "default", "--from-literal=route=east",
                "--from-literal=weight=50", "--from-literal=notes=kept-by-the-admin");
        primary.kubectl().run("create", "secret", "generic", "ca", "-n", "default", "--from-literal=ca.crt=" + ADMIN_CA,
                "--from-literal=ca.key=" + KEY);
    }

    @AfterEach
    void stop() {
        primary.close();
    }

    @Test
    void aDryRunSaysItWouldAdoptEachObjectNamingKubectlAndWritesNothing() throws Exception {
        SyncReport plan = sync(OURS + CLASH, SyncOptions.apply("c1").withMode(SyncMode.DRY_RUN));

        assertThat(plan.planLines()).contains(
                "would adopt ConfigMap default/routing, created by kubectl (" + FILE + ":6): data.route, metadata.labels",
                "would adopt Secret default/ca, created by kubectl (" + FILE + ":11): data.ca.crt, metadata.labels");
        assertThat(plan.adopted()).isEqualTo(2);
        assertThat(plan.summary()).endsWith("(nothing written); 2 adopted");
        assertThat(primary.writes()).isEmpty();
        assertThat(get("configmap", "routing", "{.data.route}")).isEqualTo("east");
        assertThat(String.join("\n", plan.planLines()) + String.join("\n", plan.diffLines()))
                .doesNotContain(ADMIN_CA, GIT_CA, KEY, base64(ADMIN_CA), base64(GIT_CA), base64(KEY));
    }

    @Test
    void anApplyAdoptsSaysSoInAnEventOnEachObjectAndMarksItAdoptedInTheInventory() throws Exception {
        SyncReport applied = sync(OURS + CLASH, SyncOptions.apply("c1"));

        assertThat(applied.planLines()).contains(
                "adopts ConfigMap default/routing, created by kubectl (" + FILE + ":6): data.route, metadata.labels,"
                        + " fields owned by kubectl-create (taken over)",
                "adopts Secret default/ca, created by kubectl (" + FILE + ":11): data.ca.crt, metadata.labels,"
                        + " fields owned by kubectl-create (taken over)");
        assertThat(get("configmap", "routing", "{.data.route}")).isEqualTo("west");
        assertThat(adoptedEvent("routing")).isEqualTo("adopts ConfigMap default/routing, created by kubectl");
        assertThat(adoptedEvent("ca")).isEqualTo("adopts Secret default/ca, created by kubectl");
        assertThat(primary.kubectl().run("get", "events", "-n", "default", "-o", "json"))
                .doesNotContain(ADMIN_CA, GIT_CA, KEY, base64(ADMIN_CA), base64(GIT_CA), base64(KEY));
        assertThat(storedInventory().entries()).extracting(InventoryEntry::name, InventoryEntry::adopted)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ca", true),
                        org.assertj.core.groups.Tuple.tuple("ours", false),
                        org.assertj.core.groups.Tuple.tuple("routing", true));
    }

    @Test
    void revertingTheCommitReleasesTheAdoptedObjectsWithTheirDataAndStillPrunesOurOwn() throws Exception {
        String oursToo = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ours-too, namespace: default}\n"
                + "data: {made: by-git}\n";
        sync(OURS + oursToo + CLASH, SyncOptions.apply("c1"));
        // A later apply of the adopted objects must keep them adopted.
        sync(OURS + oursToo + CLASH.replace("weight: \"50\"", "weight: \"60\""), SyncOptions.apply("c2"));

        SyncReport plan = sync(OURS, SyncOptions.apply("c3").withMode(SyncMode.DRY_RUN));
        int planWrites = primary.writes().size();
        SyncReport reverted = sync(OURS, SyncOptions.apply("c3"));

        assertThat(plan.planLines()).contains("would release ConfigMap default/routing (adopted; kept)",
                "would release Secret default/ca (adopted; kept)", "prune     ConfigMap default/ours-too");
        assertThat(planWrites).as("writes of the dry run").isZero();
        assertThat(reverted.planLines()).containsExactlyInAnyOrder("unchanged ConfigMap default/ours (" + FILE + ":1)",
                "released ConfigMap default/routing (adopted; kept)", "released Secret default/ca (adopted; kept)",
                "prune     ConfigMap default/ours-too");
        assertThat(primary.kubectl().tryRun("get", "configmap", "ours-too", "-n", "default").succeeded())
                .as("the object burst-gitops created itself is still pruned").isFalse();
        for (String object : List.of("configmap/routing", "secret/ca")) {
            assertThat(get(object.split("/")[0], object.split("/")[1], "{.metadata.labels}"))
                    .as(object + " labels").doesNotContain(ManagedLabels.MANAGED_BY, ManagedLabels.CLUSTER);
            assertThat(get(object.split("/")[0], object.split("/")[1], "{.metadata.managedFields[*].manager}"))
                    .as(object + " managers").isNotBlank().doesNotContain(Fabric8ClusterApplier.FIELD_MANAGER);
        }
        assertThat(get("configmap", "routing", "{.data}"))
                .isEqualTo("{\"notes\":\"kept-by-the-admin\",\"route\":\"west\",\"weight\":\"60\"}");
        assertThat(decoded(get("secret", "ca", "{.data.ca\\.crt}"))).isEqualTo(GIT_CA);
        assertThat(decoded(get("secret", "ca", "{.data.ca\\.key}"))).isEqualTo(KEY);
        assertThat(storedInventory().entries()).extracting(InventoryEntry::name).containsExactly("ours");
    }

    @Test
    void withPruneAdoptedTrueAdoptedObjectsLeavingGitAreDeletedLikeAnyOther() throws Exception {
        sync(OURS + CLASH, SyncOptions.apply("c1").withPruneAdopted(true));

        SyncReport reverted = sync(OURS, SyncOptions.apply("c2").withPruneAdopted(true));

        assertThat(reverted.pruned()).isEqualTo(2);
        assertThat(reverted.released()).isZero();
        assertThat(primary.kubectl().tryRun("get", "configmap", "routing", "-n", "default").succeeded()).isFalse();
        assertThat(primary.kubectl().tryRun("get", "secret", "ca", "-n", "default").succeeded()).isFalse();
    }

    private SyncReport sync(String yaml, SyncOptions options) throws ClusterUnreachableException {
        primary.forgetRequests();
        return primary.applier().sync(KubeManifests.parse(FILE, yaml), options);
    }

    private String get(String resource, String name, String jsonPath) {
        return primary.kubectl().jsonPath(resource, "default", name, jsonPath);
    }

    /** The message of the Event with reason Adopted on the object named {@code name}, as kubectl lists it. */
    private String adoptedEvent(String name) {
        String uid = primary.kubectl().run("get", "configmap,secret", "-n", "default",
                "--field-selector", "metadata.name=" + name, "-o", "jsonpath={.items[0].metadata.uid}");
        return primary.kubectl().run("get", "events", "-n", "default", "--field-selector",
                "involvedObject.uid=" + uid + ",reason=" + AdoptionEvents.REASON, "-o", "jsonpath={.items[*].message}");
    }

    private Inventory storedInventory() throws Exception {
        try (KubernetesClient client = KubernetesClients.connect(primary.target())) {
            Optional<StoredInventory> stored = new InventoryStore(client, "primary", KubeFixture.INVENTORY_NAMESPACE).read();
            return stored.orElseThrow().inventory();
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
