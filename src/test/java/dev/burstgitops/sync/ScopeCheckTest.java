package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass refuses, before writing anything, what the cluster's own discovery says Git must not
 * hold: a cluster-scoped custom kind the cluster does not allow, and the controller's inventory.
 */
class ScopeCheckTest {

    @TempDir
    Path dir;

    KubeFixture primary;

    @BeforeEach
    void start() throws Exception {
        primary = KubeFixture.start("primary", dir);
        // A cluster-scoped CRD installed outside Git, as an operator's chart would.
        Path crd = Files.writeString(dir.resolve("crd.yaml"), """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: quotas.example.com}
                spec:
                  group: example.com
                  scope: Cluster
                  names: {kind: Quota, plural: quotas, singular: quota}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                """);
        primary.kubectl().run("apply", "-f", crd.toString());
        primary.kubectl().run("wait", "--for=condition=Established", "crd/quotas.example.com", "--timeout=60s");
        primary.forgetRequests();
    }

    @AfterEach
    void stop() {
        primary.close();
    }

    @Test
    void aClusterScopedCustomObjectWrittenWithANamespaceIsRefusedAndNothingIsApplied() throws Exception {
        List<ManifestObject> desired = KubeManifests.parse("clusters/primary/shop.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: default}
                ---
                apiVersion: example.com/v1
                kind: Quota
                metadata: {name: everything, namespace: shop}
                """);

        SyncReport report = primary.applier().sync(desired,
                SyncOptions.apply("c1").withAllowedClusterScopedKinds(Set.of("Namespace")));

        assertThat(report.failures()).singleElement().asString().isEqualTo("clusters/primary/shop.yaml:5: "
                + "Quota.example.com/everything: Quota is cluster-scoped in this cluster and not allowed"
                + " (allowedClusterScopedKinds: [Namespace])");
        assertThat(report.warnings()).singleElement().asString().startsWith("nothing applied or pruned");
        assertThat(primary.writes()).isEmpty();
        assertThat(primary.kubectl().tryRun("get", "quota.example.com", "everything").succeeded()).isFalse();
    }

    @Test
    void theInventoryConfigMapDeclaredInGitIsRefused() throws Exception {
        List<ManifestObject> desired = KubeManifests.parse("clusters/primary/inventory.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: burst-gitops-inventory-primary, namespace: burst-gitops}
                data: {objects.yaml: "[]"}
                """);

        SyncReport report = primary.applier().sync(desired, SyncOptions.apply("c1"));

        assertThat(report.failures()).singleElement().asString().endsWith("is the controller's inventory of this"
                + " cluster (its head, or a name its parts take); it cannot be declared in Git");
        assertThat(primary.writes()).isEmpty();
    }
}
