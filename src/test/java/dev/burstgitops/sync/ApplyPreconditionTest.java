package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An apply carries the resourceVersion its pass read, and the API server holds it as a
 * precondition: a replica that paused between reading and writing cannot roll back what was
 * written meanwhile (by the replica that took over, or by a person).
 */
class ApplyPreconditionTest {

    static final String SETTINGS = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\n"
            + "data: {color: blue}\n";

    @TempDir
    Path dir;

    KubeFixture primary;
    KubernetesClient client;

    @BeforeEach
    void start() throws Exception {
        primary = KubeFixture.start("primary", dir);
        client = KubernetesClients.connect(primary.target());
    }

    @AfterEach
    void stop() {
        client.close();
        primary.close();
    }

    @Test
    void anApplyOverAnObjectWrittenSinceThePassReadItIsRefusedAndChangesNothing() throws Exception {
        ManifestObject settings = KubeManifests.parse("clusters/primary/app.yaml", SETTINGS).get(0);
        primary.applier().sync(java.util.List.of(settings), SyncOptions.apply("c1"));
        String readAt = primary.kubectl().run("get", "configmap", "settings", "-n", "default",
                "-o", "jsonpath={.metadata.resourceVersion}");
        primary.kubectl().run("patch", "configmap", "settings", "-n", "default", "--type=merge",
                "-p", "{\"data\":{\"color\":\"green\"}}");
        ResourceDefinitionContext kind = new ServedKinds(client).find("v1", "ConfigMap").orElseThrow();
        ObjectWriter writer = new ObjectWriter(client, WriteFence.OPEN);
        DesiredObject desired = DesiredObject.of(settings, ManagedLabels.of("primary", Installation.unnamed("primary")), true,
                "default");

        assertThatThrownBy(() -> writer.apply(desired, kind, readAt)).isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(primary.kubectl().run("get", "configmap", "settings", "-n", "default",
                "-o", "jsonpath={.data.color}")).isEqualTo("green");

        String current = primary.kubectl().run("get", "configmap", "settings", "-n", "default",
                "-o", "jsonpath={.metadata.resourceVersion}");
        writer.apply(desired, kind, current);
        assertThat(primary.kubectl().run("get", "configmap", "settings", "-n", "default",
                "-o", "jsonpath={.data.color}")).isEqualTo("blue");
    }

    @Test
    void aCreateOfAnObjectSomeoneCreatedSinceThePassListedItAbsentIsRefused() throws Exception {
        ManifestObject settings = KubeManifests.parse("clusters/primary/app.yaml", SETTINGS).get(0);
        ResourceDefinitionContext kind = new ServedKinds(client).find("v1", "ConfigMap").orElseThrow();
        LiveObjects live = new LiveObjects(client);
        assertThat(live.get(kind, "default", "settings")).isNull();
        String absentAt = live.absentAt(kind, "default");
        // Meanwhile (this replica paused), the replica that took over creates it at a newer revision.
        primary.kubectl().run("create", "configmap", "settings", "-n", "default", "--from-literal=color=green");
        ObjectWriter writer = new ObjectWriter(client, WriteFence.OPEN);
        DesiredObject desired = DesiredObject.of(settings, ManagedLabels.of("primary", Installation.unnamed("primary")), true,
                "default");

        assertThat(absentAt).isNotEmpty();
        assertThatThrownBy(() -> writer.apply(desired, kind, absentAt)).isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(primary.kubectl().run("get", "configmap", "settings", "-n", "default",
                "-o", "jsonpath={.data.color}")).isEqualTo("green");

        // Still absent at that version: the same create goes through.
        primary.kubectl().run("delete", "configmap", "settings", "-n", "default");
        writer.apply(desired, kind, absentAt);
        assertThat(primary.kubectl().run("get", "configmap", "settings", "-n", "default",
                "-o", "jsonpath={.data.color}")).isEqualTo("blue");
    }
}
