package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.sync.ObjectOutcome.Pruned;
import dev.burstgitops.sync.ObjectOutcome.Retained;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pruning custom kinds: a CRD is deleted only once no custom resource of it is left that this
 * controller does not manage (deleting a CRD deletes them all), and an object recorded at a
 * version the CRD no longer serves is still deleted, through the version it serves now.
 */
class CustomResourcePruneTest {

    /** Formatted with v1's served and storage, then v2's. */
    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: gadgets.example.com}
            spec:
              group: example.com
              scope: Namespaced
              names: {plural: gadgets, singular: gadget, kind: Gadget}
              versions:
                - name: v1
                  served: %s
                  storage: %s
                  schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                - name: v2
                  served: %s
                  storage: %s
                  schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
            """;
    private static final String OURS = """
            apiVersion: example.com/v1
            kind: Gadget
            metadata: {name: ours, namespace: default}
            spec: {size: 1}
            """;

    @TempDir
    Path dir;

    KubeFixture primary;
    List<ManifestObject> rest;

    @BeforeEach
    void start() throws Exception {
        primary = KubeFixture.start("primary", dir);
        rest = KubeManifests.resource("/sync/primary.yaml", ApplyTest.FILE);
    }

    @AfterEach
    void stop() throws Exception {
        primary.close();
    }

    @Test
    void aCrdWithAHandMadeCustomResourceIsKeptAndReportedUntilThatResourceIsGone() throws Exception {
        primary.applier().sync(with(CRD.formatted(true, true, false, false) + "---\n" + OURS), SyncOptions.apply("c1"));
        primary.kubectl().run("create", "-f", file("handmade.yaml", OURS.replace("ours", "handmade")));

        SyncReport kept = primary.applier().sync(rest, SyncOptions.apply("c2"));

        assertThat(kept.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                .containsExactly("Gadget.example.com default/ours");
        assertThat(kept.outcomes()).filteredOn(Retained.class::isInstance).singleElement().satisfies(outcome -> {
            assertThat(outcome.key().toString()).isEqualTo("CustomResourceDefinition.apiextensions.k8s.io/gadgets.example.com");
            assertThat(((Retained) outcome).reason()).isEqualTo("deleting it would delete 1 custom resources burst-gitops"
                    + " does not manage for cluster primary: Gadget.example.com default/handmade");
        });
        assertThat(primary.kubectl().run("get", "gadgets", "-A", "-o", "name")).isEqualTo("gadget.example.com/handmade\n");
        assertThat(inventory()).contains("gadgets.example.com");

        primary.kubectl().run("delete", "gadget", "handmade", "-n", "default");
        SyncReport pruned = primary.applier().sync(rest, SyncOptions.apply("c3"));

        assertThat(pruned.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                .containsExactly("CustomResourceDefinition.apiextensions.k8s.io/gadgets.example.com");
        assertThat(primary.kubectl().tryRun("get", "crd", "gadgets.example.com").succeeded()).isFalse();
    }

    @Test
    void anObjectRecordedAtAVersionNoLongerServedIsDeletedThroughTheServedOne() throws Exception {
        primary.kubectl().run("apply", "--server-side", "-f", file("crd.yaml", CRD.formatted(true, true, true, false)));
        awaitServed("v1");
        primary.applier().sync(with(OURS), SyncOptions.apply("c1"));
        assertThat(inventory()).contains("apiVersion: example.com/v1");

        // The CRD moves to v2: v1 is no longer served, the stored object is served as v2.
        primary.kubectl().run("apply", "--server-side", "-f", file("crd.yaml",
                CRD.formatted(false, false, true, true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !primary.kubectl()
                .tryRun("get", "--raw", "/apis/example.com/v1").succeeded());
        awaitServed("v2");

        SyncReport report = primary.applier().sync(rest, SyncOptions.apply("c2"));

        assertThat(report.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                .containsExactly("Gadget.example.com default/ours");
        assertThat(primary.kubectl().run("get", "gadgets.v2.example.com", "-A", "-o", "name")).isEmpty();
        assertThat(inventory()).doesNotContain("Gadget");
    }

    private List<ManifestObject> with(String yaml) {
        List<ManifestObject> objects = new ArrayList<>(rest);
        objects.addAll(KubeManifests.parse("clusters/primary/gadgets.yaml", yaml));
        return objects;
    }

    private void awaitServed(String version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> primary.kubectl()
                .tryRun("get", "--raw", "/apis/example.com/" + version).stdout().contains("gadgets"));
    }

    private String file(String name, String content) throws java.io.IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    private String inventory() {
        return primary.inventoryYaml("primary");
    }
}
