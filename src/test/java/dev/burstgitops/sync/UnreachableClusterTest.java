package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One cluster that does not answer must not hold up or harm the other. */
class UnreachableClusterTest {

    @TempDir
    Path dir;

    @Test
    void anUnreachableClusterFailsWithAClearErrorAndTheHealthyClusterStillSyncs() throws Exception {
        Path deadKubeconfig;
        try (KubeFixture gone = KubeFixture.start("burst", dir)) {
            deadKubeconfig = gone.kubeconfig();
        }
        ClusterTarget burstTarget = ClusterTarget.of("burst", deadKubeconfig.toString(), "burst", "burst-gitops")
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2));
        List<ManifestObject> desired = KubeManifests.resource("/sync/primary.yaml", ApplyTest.FILE);

        try (KubeFixture primary = KubeFixture.start("primary", dir);
                Fabric8ClusterApplier burst = Fabric8ClusterApplier.connect(burstTarget)) {
            assertThatThrownBy(() -> burst.sync(desired, SyncOptions.apply("c1")))
                    .isInstanceOf(ClusterUnreachableException.class)
                    .hasMessageStartingWith("cluster burst unreachable: https://127.0.0.1:")
                    .hasMessageEndingWith("ConnectException: Connection refused")
                    .satisfies(e -> assertThat(((ClusterUnreachableException) e).cluster()).isEqualTo("burst"));

            SyncReport primaryReport = primary.applier().sync(desired, SyncOptions.apply("c1"));

            assertThat(primaryReport.created() + primaryReport.configured()).isEqualTo(desired.size());
            assertThat(primaryReport.failed()).isZero();
        }
    }

    @Test
    void aMissingKubeconfigIsReportedByPathAtConnectTime() {
        ClusterTarget target = ClusterTarget.of("burst", dir.resolve("nope").toString(), "", "burst-gitops");

        assertThatThrownBy(() -> Fabric8ClusterApplier.connect(target))
                .hasMessage("cluster burst: kubeconfig " + dir.resolve("nope") + " is not a readable file");
    }
}
