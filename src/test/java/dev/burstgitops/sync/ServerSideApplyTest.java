package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side apply that holds on a real API server: the cluster follows Git exactly for the fields
 * this controller owns, leaves other managers' fields alone, and writes nothing when nothing changed.
 */
class ServerSideApplyTest {

    static final String FILE = "clusters/primary/app.yaml";
    static final String APP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: default
              labels: {team: blue, tier: web}
              annotations: {owner: alice, note: keep-me}
            data: {color: blue, size: large}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: worker, namespace: default}
            spec:
              replicas: 2
              selector: {matchLabels: {app: worker}}
              template:
                metadata: {labels: {app: worker}}
                spec:
                  containers:
                    - name: worker
                      image: example/worker:1
                      ports: [{containerPort: 8081}]
                      env:
                        - {name: PORT, value: "8081"}
                        - {name: DEBUG, value: "true"}
                      resources:
                        requests: {cpu: 0.1, memory: 64Mi}
                        limits: {cpu: "1", memory: 1Gi}
            """;

    @TempDir
    Path dir;

    KubeFixture primary;

    @BeforeEach
    void start() {
        primary = KubeFixture.start("primary", dir);
    }

    @AfterEach
    void stop() {
        primary.close();
    }

    @Test
    void aDataKeyALabelAndAnAnnotationRemovedFromGitLeaveTheCluster() throws Exception {
        sync(APP);

        SyncReport report = sync(APP.replace(", size: large}", "}").replace("{team: blue, tier: web}", "{team: blue}")
                .replace("{owner: alice, note: keep-me}", "{owner: alice}"));

        assertThat(ConfiguredFields.of(report)).containsExactly("ConfigMap default/settings: [data.size, "
                + "metadata.annotations.note, metadata.labels.tier]");
        assertThat(get("configmap", "settings", "{.data}")).isEqualTo("{\"color\":\"blue\"}");
        assertThat(get("configmap", "settings", "{.metadata.labels.tier}{.metadata.annotations.note}")).isEmpty();
        assertThat(get("configmap", "settings", "{.metadata.labels.team}/{.metadata.annotations.owner}"))
                .isEqualTo("blue/alice");
    }

    @Test
    void aContainersEnvEntryAndItsLimitsBlockRemovedFromGitLeaveTheDeployment() throws Exception {
        sync(APP);

        SyncReport report = sync(APP.replace("- {name: DEBUG, value: \"true\"}", "")
                .replace("limits: {cpu: \"1\", memory: 1Gi}", ""));

        assertThat(report.configured()).isEqualTo(1);
        assertThat(get("deployment", "worker", "{.spec.template.spec.containers[0].env[*].name}")).isEqualTo("PORT");
        assertThat(get("deployment", "worker", "{.spec.template.spec.containers[0].resources}"))
                .isEqualTo("{\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}}");
    }

    @Test
    void fieldsAnotherManagerOwnsStayWhenGitStopsSettingThem() throws Exception {
        sync(APP);
        // An autoscaler takes the replicas over through the scale subresource; a person annotates.
        primary.kubectl().run("scale", "deployment", "worker", "-n", "default", "--replicas=5");
        primary.kubectl().run("annotate", "configmap", "settings", "-n", "default", "reviewed-by=bob");

        SyncReport report = sync(APP.replace("  replicas: 2\n", ""));

        assertThat(report.configured()).as("replicas now belong to the scaler, not to Git").isZero();
        assertThat(get("deployment", "worker", "{.spec.replicas}")).isEqualTo("5");
        assertThat(get("configmap", "settings", "{.metadata.annotations.reviewed-by}")).isEqualTo("bob");
    }

    @Test
    void threePassesOverTheReferenceWorkloadsAfterTheFirstWriteNothing() throws Exception {
        List<ManifestObject> desired = KubeManifests.resource("/sync/primary.yaml", FILE);
        List<ManifestObject> withDefaults = new java.util.ArrayList<>(desired);
        withDefaults.addAll(KubeManifests.parse(FILE, APP));
        primary.applier().sync(withDefaults, SyncOptions.apply("c1"));

        for (int pass = 0; pass < 3; pass++) {
            primary.forgetRequests();
            SyncReport again = primary.applier().sync(withDefaults, SyncOptions.apply("c1"));
            assertThat(again.unchanged()).as("pass %d", pass).isEqualTo(withDefaults.size());
            assertThat(primary.writes()).as("pass %d", pass).isEmpty();
        }
    }

    @Test
    void objectsFirstAppliedByKubectlAreTakenOverSoAFieldRemovedFromGitLeaves() throws Exception {
        Path manifest = Files.writeString(dir.resolve("app.yaml"), APP);
        // The bootstrap step of the README: kubectl apply --server-side, field manager "kubectl".
        primary.kubectl().run("apply", "--server-side", "-f", manifest.toString());

        SyncReport takeover = sync(APP);
        SyncReport removal = sync(APP.replace(", size: large}", "}"));

        assertThat(ConfiguredFields.of(takeover)).contains(
                "ConfigMap default/settings: [metadata.labels.app.kubernetes.io/managed-by, "
                        + "metadata.labels.burst-gitops/cluster, metadata.labels.burst-gitops/installation,"
                        + " fields owned by kubectl (taken over)]");
        assertThat(takeover.planLines()).as("burst-gitops did not create it: an adoption")
                .anyMatch(line -> line.startsWith("adopts ConfigMap default/settings, created by kubectl ("));
        assertThat(get("configmap", "settings", "{.metadata.managedFields[*].manager}")).isEqualTo("burst-gitops");
        assertThat(ConfiguredFields.of(removal)).containsExactly("ConfigMap default/settings: [data.size]");
        assertThat(get("configmap", "settings", "{.data}")).isEqualTo("{\"color\":\"blue\"}");
    }

    @Test
    void aChangedSelectorFailsThatObjectWithTheServersMessage() throws Exception {
        sync(APP);

        SyncReport report = sync(APP.replace("matchLabels: {app: worker}", "matchLabels: {app: worker, v: \"2\"}")
                .replace("labels: {app: worker}", "labels: {app: worker, v: \"2\"}"));

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.key().toString()).isEqualTo("Deployment.apps default/worker");
            assertThat(failure.message()).startsWith("HTTP 422: ").contains("field is immutable");
        });
        assertThat(get("deployment", "worker", "{.spec.selector.matchLabels}")).isEqualTo("{\"app\":\"worker\"}");
    }

    @Test
    void aChangedSelectorRecreatesTheObjectWhenItOptsIn() throws Exception {
        String optedIn = APP.replace("metadata: {name: worker, namespace: default}",
                "metadata: {name: worker, namespace: default, annotations: {burst-gitops/recreate: enabled}}");
        sync(optedIn);
        String uid = get("deployment", "worker", "{.metadata.uid}");

        SyncReport report = sync(optedIn.replace("matchLabels: {app: worker}", "matchLabels: {app: worker, v: \"2\"}")
                .replace("labels: {app: worker}", "labels: {app: worker, v: \"2\"}"));

        assertThat(report.failed()).isZero();
        assertThat(get("deployment", "worker", "{.spec.selector.matchLabels.v}")).isEqualTo("2");
        assertThat(get("deployment", "worker", "{.metadata.uid}")).isNotEqualTo(uid);
        assertThat(primary.writes()).filteredOn(ApiRequest::byController).extracting(ApiRequest::method)
                .contains("DELETE");
    }

    @Test
    void aRecreateWhoseNewVersionTheServerWouldRefuseLeavesTheOldObjectInPlace() throws Exception {
        String optedIn = APP.replace("metadata: {name: worker, namespace: default}",
                "metadata: {name: worker, namespace: default, annotations: {burst-gitops/recreate: enabled}}");
        sync(optedIn);
        String uid = get("deployment", "worker", "{.metadata.uid}");

        SyncReport report = sync(optedIn.replace("matchLabels: {app: worker}", "matchLabels: {app: worker, v: \"2\"}")
                .replace("labels: {app: worker}", "labels: {app: worker, v: \"2\"}")
                .replace("- name: worker", "- name: Not_A_Valid_Name"));

        assertThat(report.failures()).singleElement().satisfies(failure -> assertThat(failure.message())
                .startsWith("not recreated, left as it is: its new version would be refused (HTTP 422: ")
                .contains("Not_A_Valid_Name"));
        assertThat(get("deployment", "worker", "{.metadata.uid}")).isEqualTo(uid);
        assertThat(primary.writes()).filteredOn(ApiRequest::byController).extracting(ApiRequest::method)
                .doesNotContain("DELETE");
    }

    private SyncReport sync(String yaml) throws ClusterUnreachableException {
        primary.forgetRequests();
        return primary.applier().sync(KubeManifests.parse(FILE, yaml), SyncOptions.apply("c1"));
    }

    private String get(String resource, String name, String jsonPath) {
        return primary.kubectl().jsonPath(resource, "default", name, jsonPath);
    }

}
