package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.sync.ObjectOutcome.Configured;
import dev.burstgitops.sync.ObjectOutcome.Failed;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applying one cluster's objects, read back with kubectl, counting the requests the cluster saw. */
class ApplyTest {

    static final String FILE = "clusters/primary/app.yaml";

    @TempDir
    Path dir;

    KubeFixture primary;
    List<ManifestObject> desired;

    @BeforeEach
    void start() {
        primary = KubeFixture.start("primary", dir);
        desired = KubeManifests.resource("/sync/primary.yaml", FILE);
    }

    @AfterEach
    void stop() {
        primary.close();
    }

    @Test
    void theFirstSyncCreatesEveryObjectWithBothManagedLabels() throws Exception {
        SyncReport report = primary.applier().sync(desired, SyncOptions.apply("3f2a1c9e"));

        // Every cluster has the default namespace already: it is configured (labelled), not created,
        // and, since the cluster made it, adopted.
        assertThat(report.created()).isEqualTo(desired.size() - 1);
        assertThat(report.configured()).isEqualTo(1);
        assertThat(report.adopted()).isEqualTo(1);
        assertThat(report.failed()).isZero();
        Map<String, Object> virtualService = primary.kubectl().getJson("virtualservice", "default", "worker-virtual-service");
        assertThat(virtualService).extractingByKey("metadata").asInstanceOf(MAP).extractingByKey("labels")
                .isEqualTo(Map.of("app.kubernetes.io/managed-by", "burst-gitops", "burst-gitops/cluster", "primary",
                        "burst-gitops/installation", Installation.unnamed("primary").id()));
        assertThat(primary.kubectl().run("get", "deployments,services,gateways,destinationrules", "-n", "default",
                "-l", "burst-gitops/cluster=primary", "-o", "name").lines())
                .containsExactlyInAnyOrder("deployment.apps/worker-deployment", "deployment.apps/frontend-deployment",
                        "service/worker-service", "service/frontend-service", "service/redis-cache-service",
                        "gateway.networking.istio.io/frontend-gateway",
                        "destinationrule.networking.istio.io/worker-destination-rule");
        assertThat(report.summary()).startsWith("sync primary @3f2a1c9: 8 created, 1 configured, 0 unchanged, 0 pruned, 0 failed in ");
    }

    @Test
    void everyObjectIsWrittenWithAServerSideApplyAsFieldManagerBurstGitopsWithForce() throws Exception {
        primary.applier().sync(desired, SyncOptions.apply("c1"));

        // The Event saying the default Namespace was adopted is about an object, not a write to one.
        List<ApiRequest> objectWrites = primary.writes().stream()
                .filter(request -> !request.path().contains("/configmaps/burst-gitops-inventory-")
                        && !request.path().endsWith("/namespaces/burst-gitops") && !request.path().endsWith("/events"))
                .toList();
        assertThat(objectWrites).hasSize(desired.size()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("PATCH");
            assertThat(request.query()).containsEntry("fieldManager", "burst-gitops").containsEntry("force", "true");
            assertThat(request.byController()).isTrue();
        });
        assertThat(objectWrites).extracting(ApiRequest::path).contains(
                "/apis/networking.istio.io/v1/namespaces/default/virtualservices/worker-virtual-service");
        // The server records how each object was written: an Apply by the field manager burst-gitops.
        assertThat(primary.kubectl().run("get", "virtualservice", "worker-virtual-service", "-n", "default",
                "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}/{.metadata.managedFields[*].operation}"))
                .isEqualTo("burst-gitops/Apply");
    }

    @Test
    void namespacesGoFirstThenCustomResourceDefinitionsThenTheRestWithCustomObjectsOfANewDefinition() throws Exception {
        List<ManifestObject> withCrd = new ArrayList<>(desired);
        withCrd.addAll(KubeManifests.parse("clusters/primary/crd.yaml", """
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: blue, namespace: default}
                spec: {color: blue}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {kind: Widget, plural: widgets, singular: widget}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                """));

        SyncReport report = primary.applier().sync(withCrd, SyncOptions.apply("c1"));

        assertThat(report.failed()).isZero();
        // The inventory (its namespace and ConfigMap) and the Event on the adopted default Namespace
        // are bookkeeping, not part of the apply order.
        List<String> writes = primary.writes().stream().map(ApiRequest::path)
                .filter(path -> !path.contains("burst-gitops") && !path.endsWith("/events")).toList();
        int namespace = writes.indexOf("/api/v1/namespaces/default");
        int crd = writes.indexOf("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");
        assertThat(namespace).isZero();
        assertThat(crd).isEqualTo(1);
        // The custom object comes after its definition was established, in the same pass.
        assertThat(writes.subList(2, writes.size())).hasSize(desired.size()).contains(
                "/apis/example.com/v1/namespaces/default/widgets/blue",
                "/apis/apps/v1/namespaces/default/deployments/worker-deployment");
        assertThat(primary.kubectl().run("get", "widget", "blue", "-n", "default", "-o", "jsonpath={.spec.color}"))
                .isEqualTo("blue");
    }

    @Test
    void newObjectsAreRecordedInTheInventoryBeforeTheyAreCreated() throws Exception {
        primary.applier().sync(desired, SyncOptions.apply("c1"));

        List<String> writes = primary.writes().stream().map(ApiRequest::path).toList();
        int inventory = writes.indexOf("/api/v1/namespaces/burst-gitops/configmaps/burst-gitops-inventory-primary");
        int firstDeployment = writes.indexOf("/apis/apps/v1/namespaces/default/deployments/worker-deployment");
        // A pass cut short after this point leaves every created object known to the next pass's prune.
        assertThat(inventory).isNotNegative().isLessThan(firstDeployment);
    }

    @Test
    void aSecondSyncOfTheSameObjectsMakesNoWriteAtAll() throws Exception {
        primary.applier().sync(desired, SyncOptions.apply("c1"));
        primary.forgetRequests();

        SyncReport second = primary.applier().sync(desired, SyncOptions.apply("c1"));

        assertThat(primary.writes()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(desired.size());
        assertThat(second.driftDetected()).isFalse();
    }

    @Test
    void aChangedWeightInTheVirtualServiceCostsOneWriteAndTheInventorysRecordOfIt() throws Exception {
        primary.applier().sync(desired, SyncOptions.apply("c1"));
        primary.forgetRequests();
        List<ManifestObject> burst = KubeManifests.parse(FILE, KubeManifests.text("/sync/primary.yaml")
                .replace("subset: primary}\n          weight: 100", "subset: primary}\n          weight: 0")
                .replace("subset: burst}\n          weight: 0", "subset: burst}\n          weight: 100"));

        SyncReport report = primary.applier().sync(burst, SyncOptions.apply("c2"));

        assertThat(primary.writes()).extracting(ApiRequest::path).containsExactly(
                "/apis/networking.istio.io/v1/namespaces/default/virtualservices/worker-virtual-service",
                "/api/v1/namespaces/burst-gitops/configmaps/burst-gitops-inventory-primary");
        assertThat(primary.dryRuns()).isEmpty();
        assertThat(report.outcomes()).filteredOn(Configured.class::isInstance).singleElement()
                .extracting(outcome -> ((Configured) outcome).changedFields())
                .isEqualTo(List.of("spec.http[0].route[0].weight", "spec.http[0].route[1].weight"));
        assertThat(primary.kubectl().run("get", "vs", "worker-virtual-service", "-n", "default",
                "-o", "jsonpath={.spec.http[0].route[*].weight}")).isEqualTo("0 100");
    }

    @Test
    void anUnknownKindFailsThatObjectWithItsFileAndLineAndTheOthersStillApply() throws Exception {
        List<ManifestObject> withUnknown = new ArrayList<>(KubeManifests.parse("clusters/primary/gadget.yaml", """
                apiVersion: example.com/v1
                kind: Gadget
                metadata: {name: g, namespace: default}
                """));
        withUnknown.addAll(desired);

        SyncReport report = primary.applier().sync(withUnknown, SyncOptions.apply("c1"));

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.key().toString()).isEqualTo("Gadget.example.com default/g");
            assertThat(failure.toString()).startsWith("clusters/primary/gadget.yaml:1: Gadget.example.com default/g: ")
                    .contains("does not serve kind Gadget in example.com/v1");
        });
        assertThat(report.created() + report.configured()).isEqualTo(desired.size());
    }

    @Test
    void anObjectTheServerRejectsIsAFailureCarryingTheServersMessage() throws Exception {
        primary.applier().sync(desired, SyncOptions.apply("c1"));
        // A port number out of range: the API server refuses the update.
        List<ManifestObject> invalid = KubeManifests.parse(FILE, KubeManifests.text("/sync/primary.yaml")
                .replace("targetPort: 8081", "targetPort: 70000"));

        SyncReport report = primary.applier().sync(invalid, SyncOptions.apply("c2"));

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.key().toString()).isEqualTo("Service default/worker-service");
            assertThat(failure.message()).startsWith("HTTP 422: ").contains("70000");
        });
        assertThat(report.unchanged()).isEqualTo(desired.size() - 1);
    }

    @Test
    void aSecretWrittenWithStringDataIsUnchangedOnTheNextSync() throws Exception {
        List<ManifestObject> secret = KubeManifests.parse("clusters/primary/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: redis-auth, namespace: default}
                stringData: {password: hunter2}
                """);
        primary.applier().sync(secret, SyncOptions.apply("c1"));
        primary.forgetRequests();

        SyncReport second = primary.applier().sync(secret, SyncOptions.apply("c1"));

        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(primary.writes()).isEmpty();
    }
}
