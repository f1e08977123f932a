package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.sync.ObjectOutcome.Configured;
import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand edits made with kubectl: put back by apply, only reported by detect, planned by dry-run. */
class DriftTest {

    @TempDir
    Path dir;

    KubeFixture primary;
    List<ManifestObject> desired;

    @BeforeEach
    void syncOnce() throws Exception {
        primary = KubeFixture.start("primary", dir);
        desired = KubeManifests.resource("/sync/primary.yaml", ApplyTest.FILE);
        primary.applier().sync(desired, SyncOptions.apply("c1"));
    }

    @AfterEach
    void stop() {
        primary.close();
    }

    @Test
    void aHandScaleAndAHandRelabelWithKubectlArePutBackByTheNextApply() throws Exception {
        primary.kubectl().run("scale", "deployment", "worker-deployment", "-n", "default", "--replicas=4");
        primary.kubectl().run("label", "service", "worker-service", "-n", "default",
                "app.kubernetes.io/managed-by=someone-else", "--overwrite");
        primary.forgetRequests();

        SyncReport report = primary.applier().sync(desired, SyncOptions.apply("c1"));

        assertThat(ConfiguredFields.of(report)).containsExactly(
                "Deployment.apps default/worker-deployment: [spec.replicas]",
                "Service default/worker-service: [metadata.labels.app.kubernetes.io/managed-by]");
        // One apply each, their force taking the fields back, and the inventory's record of the new versions.
        // (The two applies run in parallel, in either order.)
        assertThat(primary.writes()).extracting(ApiRequest::path).containsExactlyInAnyOrder(
                "/apis/apps/v1/namespaces/default/deployments/worker-deployment",
                "/api/v1/namespaces/default/services/worker-service",
                "/api/v1/namespaces/burst-gitops/configmaps/burst-gitops-inventory-primary");
        assertThat(primary.writes().get(2).path()).endsWith("/burst-gitops-inventory-primary");
        assertThat(report.applied(ApplyReason.DRIFT)).isEqualTo(2);
        assertThat(replicas()).isEqualTo("1");
        assertThat(primary.kubectl().run("get", "service", "worker-service", "-n", "default",
                "-o", "jsonpath={.metadata.labels.app\\.kubernetes\\.io/managed-by}")).isEqualTo("burst-gitops");
    }

    @Test
    void aHandEditIsOnlyReportedInDetectMode() throws Exception {
        primary.kubectl().run("scale", "deployment", "worker-deployment", "-n", "default", "--replicas=4");
        primary.kubectl().run("label", "service", "worker-service", "-n", "default",
                "burst-gitops/cluster=elsewhere", "--overwrite");
        primary.forgetRequests();

        SyncReport report = primary.applier().sync(desired, SyncOptions.apply("c1").withMode(SyncMode.DETECT));

        assertThat(primary.writes()).isEmpty();
        assertThat(report.driftDetected()).isTrue();
        assertThat(ConfiguredFields.of(report)).containsExactlyInAnyOrder(
                "Deployment.apps default/worker-deployment: [spec.replicas]",
                "Service default/worker-service: [metadata.labels.burst-gitops/cluster]");
        assertThat(report.summary()).startsWith("detect primary @c1: 0 created, 2 configured, 7 unchanged")
                .endsWith("(nothing written)");
        assertThat(replicas()).isEqualTo("4");
    }

    @Test
    void aDryRunListsThePlanAndWritesNothing() throws Exception {
        List<ManifestObject> next = new ArrayList<>(KubeManifests.without(
                KubeManifests.parse(ApplyTest.FILE, KubeManifests.text("/sync/primary.yaml").replace("replicas: 1", "replicas: 2")),
                "Service", "redis-cache-service"));
        next.addAll(KubeManifests.parse("clusters/primary/settings.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\ndata: {color: blue}\n"));
        primary.forgetRequests();

        SyncReport plan = primary.applier().sync(next, SyncOptions.apply("c2").withMode(SyncMode.DRY_RUN));

        assertThat(primary.writes()).isEmpty();
        assertThat(plan.planLines()).contains(
                "update    Deployment.apps default/worker-deployment (clusters/primary/app.yaml:2): spec.replicas",
                "update    Deployment.apps default/frontend-deployment (clusters/primary/app.yaml:33): spec.replicas",
                "unchanged Service default/worker-service (clusters/primary/app.yaml:23)",
                "create    ConfigMap default/settings (clusters/primary/settings.yaml:1)",
                "prune     Service default/redis-cache-service");
        assertThat(plan.summary()).startsWith("dry-run primary @c2: 1 created, 2 configured, 6 unchanged, 1 pruned, 0 failed");
        assertThat(primary.kubectl().tryRun("get", "service", "redis-cache-service", "-n", "default").succeeded()).isTrue();
    }

    private String replicas() {
        return primary.kubectl().run("get", "deployment", "worker-deployment", "-n", "default",
                "-o", "jsonpath={.spec.replicas}");
    }

}
