package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workload health read after a pass. The test API server runs no controllers or kubelet, so the
 * status is written with kubectl through the status subresource, as they would write it.
 */
class HealthTest {

    @TempDir
    Path dir;

    KubeFixture primary;
    List<ManifestObject> desired;

    @BeforeEach
    void start() {
        primary = KubeFixture.start("primary", dir);
        desired = KubeManifests.resource("/sync/primary.yaml", ApplyTest.FILE);
    }

    @AfterEach
    void stop() {
        primary.close();
    }

    @Test
    void aJustCreatedDeploymentIsProgressingAndOnlyWorkloadsHaveHealth() throws Exception {
        SyncReport report = primary.applier().sync(desired, SyncOptions.apply("c1"));

        assertThat(report.health()).extracting(Object::toString).containsExactlyInAnyOrder(
                "Deployment.apps default/worker-deployment progressing (generation 1 not yet observed (observed 0))",
                "Deployment.apps default/frontend-deployment progressing (generation 1 not yet observed (observed 0))");
    }

    @Test
    void aDeploymentWhoseReplicasAreAllAvailableIsHealthyUntilItsSpecChanges() throws Exception {
        primary.applier().sync(desired, SyncOptions.apply("c1"));
        writeStatus("{\"observedGeneration\":1,\"replicas\":1,\"updatedReplicas\":1,\"readyReplicas\":1,\"availableReplicas\":1}");

        SyncReport settled = primary.applier().sync(desired, SyncOptions.apply("c1"));
        SyncReport changed = primary.applier().sync(KubeManifests.parse(ApplyTest.FILE,
                KubeManifests.text("/sync/primary.yaml").replace("istio-burst-workshop/worker", "istio-burst-workshop/worker:2")),
                SyncOptions.apply("c2"));

        assertThat(worker(settled)).isEqualTo(new WorkloadHealth(workerKey(), HealthStatus.HEALTHY, "1 of 1 replicas available"));
        assertThat(worker(changed).status()).isEqualTo(HealthStatus.PROGRESSING);
        assertThat(worker(changed).reason()).isEqualTo("generation 2 not yet observed (observed 1)");
    }

    @Test
    void aDeploymentPastItsProgressDeadlineIsDegraded() throws Exception {
        primary.applier().sync(desired, SyncOptions.apply("c1"));
        writeStatus("{\"observedGeneration\":1,\"replicas\":1,\"updatedReplicas\":1,\"availableReplicas\":0,"
                + "\"conditions\":[{\"type\":\"Progressing\",\"status\":\"False\",\"reason\":\"ProgressDeadlineExceeded\"}]}");

        SyncReport report = primary.applier().sync(desired, SyncOptions.apply("c1").withMode(SyncMode.DETECT));

        assertThat(worker(report).status()).isEqualTo(HealthStatus.DEGRADED);
    }

    private void writeStatus(String status) {
        primary.kubectl().run("patch", "deployment", "worker-deployment", "-n", "default", "--subresource=status",
                "--type=merge", "-p", "{\"status\":" + status + "}");
    }

    private static dev.burstgitops.manifest.ObjectKey workerKey() {
        return new dev.burstgitops.manifest.ObjectKey("apps", "Deployment", "default", "worker-deployment");
    }

    private static WorkloadHealth worker(SyncReport report) {
        return report.health().stream().filter(h -> h.key().equals(workerKey())).findFirst().orElseThrow();
    }
}
