package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.sync.ObjectOutcome.Pruned;
import dev.burstgitops.sync.ObjectOutcome.Retained;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What prune never deletes even when Git drops it: the controller's own objects in the cluster it
 * runs in, found from its pod (the identity is given, as the downward API would), and objects
 * named in {@code sync.protect}. Both are reported, and stay in the inventory.
 */
class NeverPrunedTest {

    private static final PodIdentity POD = new PodIdentity("burst-gitops", "burst-gitops-5d9c7b8f4-x2x7q");

    /** The controller's directory as the reference layout has it, cut down, and one object of no one's. */
    private static final String CONTROLLER = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: burst-gitops, namespace: burst-gitops}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: burst-gitops-config, namespace: burst-gitops}
            data: {burst-gitops.yaml: "sync: {prune: true}"}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: burst-gitops, namespace: burst-gitops}
            rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: burst-gitops, namespace: burst-gitops}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: burst-gitops}
            subjects: [{kind: ServiceAccount, name: burst-gitops, namespace: burst-gitops}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: burst-gitops}
            rules: [{apiGroups: [""], resources: [namespaces], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: burst-gitops}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: burst-gitops}
            subjects: [{kind: ServiceAccount, name: burst-gitops, namespace: burst-gitops}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: burst-gitops, namespace: burst-gitops}
            spec:
              selector: {matchLabels: {app: burst-gitops}}
              template:
                metadata: {labels: {app: burst-gitops}}
                spec:
                  serviceAccountName: burst-gitops
                  containers: [{name: burst-gitops, image: "burst-gitops:0.1.0"}]
                  volumes: [{name: config, configMap: {name: burst-gitops-config}}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: leftover, namespace: burst-gitops}
            data: {a: b}
            """;

    @TempDir
    Path dir;

    KubeFixture primary;
    List<ManifestObject> rest;
    List<ManifestObject> withController;

    @BeforeEach
    void syncOnce() throws Exception {
        primary = KubeFixture.start("primary", dir);
        rest = KubeManifests.resource("/sync/primary.yaml", ApplyTest.FILE);
        withController = new ArrayList<>(rest);
        withController.addAll(KubeManifests.parse("clusters/primary/burst-gitops.yaml", CONTROLLER));
        primary.applier().sync(withController, SyncOptions.apply("c1"));
    }

    @AfterEach
    void stop() {
        primary.close();
    }

    @Test
    void theControllersOwnObjectsRemovedFromGitAreKeptReportedAndRemembered() throws Exception {
        runTheControllersPod();

        try (Fabric8ClusterApplier inCluster = applierRunningAs(POD)) {
            SyncReport report = inCluster.sync(rest, SyncOptions.apply("c2"));

            assertThat(report.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                    .containsExactly("ConfigMap burst-gitops/leftover");
            assertThat(retained(report)).containsOnlyKeys("Deployment.apps burst-gitops/burst-gitops",
                    "ServiceAccount burst-gitops/burst-gitops", "ConfigMap burst-gitops/burst-gitops-config",
                    "Role.rbac.authorization.k8s.io burst-gitops/burst-gitops",
                    "RoleBinding.rbac.authorization.k8s.io burst-gitops/burst-gitops",
                    "ClusterRole.rbac.authorization.k8s.io/burst-gitops",
                    "ClusterRoleBinding.rbac.authorization.k8s.io/burst-gitops");
            assertThat(retained(report).get("Deployment.apps burst-gitops/burst-gitops"))
                    .startsWith("the controller's own Deployment burst-gitops/burst-gitops is never pruned");
            assertThat(retained(report).get("ConfigMap burst-gitops/burst-gitops-config")).contains("its pod uses it");
            assertThat(retained(report).get("Role.rbac.authorization.k8s.io burst-gitops/burst-gitops"))
                    .contains("RoleBinding burst-gitops/burst-gitops grants it to the controller's ServiceAccount");
            for (String object : List.of("deployment/burst-gitops", "serviceaccount/burst-gitops",
                    "configmap/burst-gitops-config", "role/burst-gitops", "rolebinding/burst-gitops")) {
                assertThat(primary.kubectl().tryRun("get", object, "-n", "burst-gitops").succeeded()).as(object).isTrue();
            }
            assertThat(primary.kubectl().tryRun("get", "clusterrole/burst-gitops").succeeded()).isTrue();
            assertThat(inventory()).contains("name: burst-gitops-config").contains("kind: Deployment")
                    .contains("kind: ClusterRoleBinding").doesNotContain("leftover");

            SyncReport again = inCluster.sync(rest, SyncOptions.apply("c3"));

            assertThat(again.pruned()).isZero();
            assertThat(retained(again)).hasSize(7);
        }
    }

    @Test
    void aReplicaSetThatCannotBeReadStillNamesTheControllersDeploymentAndNoOtherIsKept() throws Exception {
        List<ManifestObject> withAnother = new ArrayList<>(withController);
        withAnother.addAll(KubeManifests.parse("clusters/primary/another.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: another, namespace: burst-gitops}
                spec:
                  selector: {matchLabels: {app: another}}
                  template:
                    metadata: {labels: {app: another}}
                    spec: {containers: [{name: another, image: "another:1"}]}
                """));
        primary.applier().sync(withAnother, SyncOptions.apply("c1b"));
        // The pod's ReplicaSet is not there to read, as for a controller whose RBAC grants none.
        primary.kubectl().run("create", "-f", file("pod.yaml", pod("0a0a0a0a-0000-4000-8000-000000000000")));

        try (Fabric8ClusterApplier inCluster = applierRunningAs(POD)) {
            SyncReport report = inCluster.sync(rest, SyncOptions.apply("c2"));

            assertThat(report.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                    .containsExactlyInAnyOrder("Deployment.apps burst-gitops/another", "ConfigMap burst-gitops/leftover");
            assertThat(retained(report)).containsKey("Deployment.apps burst-gitops/burst-gitops");
        }
    }

    @Test
    void whenTheControllersPodCannotBeFoundWhatCouldBeItsOwnIsKeptAndTheRestPruned() throws Exception {
        List<ManifestObject> withoutRedis = KubeManifests.without(rest, "Service", "redis-cache-service");

        try (Fabric8ClusterApplier inCluster = applierRunningAs(new PodIdentity("burst-gitops", "gone-pod"))) {
            SyncReport report = inCluster.sync(withoutRedis, SyncOptions.apply("c2"));

            assertThat(report.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                    .containsExactly("Service default/redis-cache-service");
            assertThat(retained(report)).hasSize(8).allSatisfy((key, reason) -> assertThat(reason)
                    .isEqualTo("cannot tell whether it is one of the controller's own objects (its pod"
                            + " burst-gitops/gone-pod is not found), so it is kept"));
        }
    }

    @Test
    void anObjectNamedInSyncProtectIsKeptInEveryClusterAndStaysInTheInventory() throws Exception {
        SyncOptions protecting = SyncOptions.apply("c2")
                .withProtectedObjects(Set.of(new NamedObject("Service", "default", "redis-cache-service")));

        SyncReport report = primary.applier().sync(KubeManifests.without(withController, "Service",
                "redis-cache-service"), protecting);

        assertThat(report.pruned()).isZero();
        assertThat(retained(report)).containsExactly(Map.entry("Service default/redis-cache-service",
                "Service default/redis-cache-service is named in sync.protect and never pruned"));
        assertThat(primary.kubectl().tryRun("get", "service", "redis-cache-service", "-n", "default").succeeded())
                .isTrue();
        assertThat(inventory()).contains("redis-cache-service");
    }

    /** A ReplicaSet owned by the controller's Deployment and the pod it owns, as the controllers would make them. */
    private void runTheControllersPod() throws Exception {
        String deployment = primary.kubectl().run("get", "deployment", "burst-gitops", "-n", "burst-gitops",
                "-o", "jsonpath={.metadata.uid}");
        primary.kubectl().run("create", "-f", file("replicaset.yaml", """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: burst-gitops-5d9c7b8f4
                  namespace: burst-gitops
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: burst-gitops, uid: %s, controller: true}]
                spec:
                  selector: {matchLabels: {app: burst-gitops, pod-template-hash: 5d9c7b8f4}}
                  template:
                    metadata: {labels: {app: burst-gitops, pod-template-hash: 5d9c7b8f4}}
                    spec: {containers: [{name: burst-gitops, image: "burst-gitops:0.1.0"}]}
                """.formatted(deployment)));
        String replicaSet = primary.kubectl().run("get", "replicaset", "burst-gitops-5d9c7b8f4", "-n", "burst-gitops",
                "-o", "jsonpath={.metadata.uid}");
        primary.kubectl().run("create", "-f", file("pod.yaml", pod(replicaSet)));
    }

    /** The controller's pod, owned by the ReplicaSet {@code burst-gitops-5d9c7b8f4} of uid {@code replicaSetUid}. */
    private static String pod(String replicaSetUid) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: burst-gitops
                  labels: {app: burst-gitops, pod-template-hash: 5d9c7b8f4}
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: burst-gitops-5d9c7b8f4, uid: %s, controller: true}]
                spec:
                  serviceAccountName: burst-gitops
                  automountServiceAccountToken: false
                  containers: [{name: burst-gitops, image: "burst-gitops:0.1.0"}]
                  volumes: [{name: config, configMap: {name: burst-gitops-config}}]
                """.formatted(POD.name(), replicaSetUid);
    }

    private Fabric8ClusterApplier applierRunningAs(PodIdentity pod) {
        try {
            return Fabric8ClusterApplier.connect(primary.target(), Optional.of(pod));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String file(String name, String content) throws java.io.IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    private String inventory() {
        return primary.inventoryYaml("primary");
    }

    private static Map<String, String> retained(SyncReport report) {
        return report.outcomes().stream().filter(Retained.class::isInstance).map(Retained.class::cast)
                .collect(Collectors.toMap(r -> r.key().toString(), Retained::reason));
    }
}
