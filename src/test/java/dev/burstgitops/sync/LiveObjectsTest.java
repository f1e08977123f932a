package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass reads the live objects with one LIST per kind and namespace, not one GET per object. */
class LiveObjectsTest {

    @TempDir
    Path dir;

    private KubeFixture primary;
    private List<ManifestObject> desired;

    @BeforeEach
    void setUp() {
        primary = KubeFixture.start("primary", dir);
        desired = KubeManifests.resource("/sync/primary.yaml", ApplyTest.FILE);
    }

    @AfterEach
    void tearDown() {
        primary.close();
    }

    @Test
    void anUnchangedPassListsEachKindOncePerNamespaceAndGetsNoObjectByName() throws Exception {
        primary.applier().sync(desired, SyncOptions.apply("c1"));
        primary.forgetRequests();

        SyncReport again = primary.applier().sync(desired, SyncOptions.apply("c1"));

        assertThat(again.unchanged()).isEqualTo(desired.size());
        List<ApiRequest> reads = primary.requests().stream()
                .filter(request -> request.method().equals("GET")).toList();
        List<String> objectPaths = desired.stream().map(object -> "/" + object.name()).toList();
        assertThat(reads).noneMatch(request -> objectPaths.stream().anyMatch(request.path()::endsWith)
                && !request.path().contains("burst-gitops-inventory"));
        long kindsAndNamespaces = desired.stream().map(o -> o.kind() + "/" + o.namespace()).distinct().count();
        // Besides the lists: the inventory, discovery, and the cluster's identity (its kube-system Namespace).
        assertThat(reads.stream().filter(request -> !request.path().startsWith("/api/v1/namespaces/burst-gitops/"
                + "configmaps/") && !request.path().equals("/api/v1/namespaces/kube-system")
                && !request.path().endsWith("/v1") && !request.path().equals("/api")
                && !request.path().equals("/apis")).count()).isLessThanOrEqualTo(kindsAndNamespaces);
    }
}
