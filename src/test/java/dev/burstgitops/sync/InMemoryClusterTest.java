package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.demo.InMemoryCluster;
import dev.burstgitops.demo.InMemoryRequest;
import dev.burstgitops.testing.Kubectl;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory cluster itself: what it adds to the fabric8 mock, checked with fabric8 and kubectl. */
class InMemoryClusterTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default, labels: {tier: front}}
            spec:
              replicas: 1
              template:
                spec:
                  containers: [{name: web, image: nginx}]
            """;

    @TempDir
    Path dir;

    InMemoryCluster cluster;
    Kubectl kubectl;
    KubernetesClient client;

    @BeforeEach
    void start() throws Exception {
        cluster = InMemoryCluster.start();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"), "primary");
        kubectl = new Kubectl(kubeconfig, dir.resolve("kube-cache"));
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig("primary", Files.readString(kubeconfig), kubeconfig.toString()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    @Test
    void servesDiscoverySoThatKubectlKnowsTheIstioKinds() {
        String resources = kubectl.run("api-resources", "--api-group=networking.istio.io", "--no-headers");

        assertThat(resources.lines().map(line -> List.of(line.trim().split("\\s+"))))
                .contains(List.of("virtualservices", "vs", "networking.istio.io/v1", "true", "VirtualService"),
                        List.of("destinationrules", "dr", "networking.istio.io/v1", "true", "DestinationRule"));
        assertThat(kubectl.run("api-resources", "--namespaced=false", "--no-headers"))
                .contains("namespaces", "clusterroles", "customresourcedefinitions");
    }

    @Test
    void recordsAServerSideApplyWithTheShapeARealApiServerNeeds() {
        apply(DEPLOYMENT);

        assertThat(cluster.writes()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PATCH");
            assertThat(request.path()).isEqualTo("/apis/apps/v1/namespaces/default/deployments/web");
            assertThat(request.contentType()).startsWith("application/apply-patch+yaml");
            assertThat(request.queryParameters()).containsEntry("fieldManager", "burst-gitops").containsEntry("force", "true");
        });
    }

    @Test
    void turnsAServerSideApplyIntoACreateAndThenIntoAFullReplace() {
        GenericKubernetesResource created = apply(DEPLOYMENT);
        GenericKubernetesResource relabelled = apply(DEPLOYMENT.replace("{tier: front}", "{team: web}"));
        GenericKubernetesResource rescaled = apply(DEPLOYMENT.replace("{tier: front}", "{team: web}").replace("replicas: 1", "replicas: 2"));

        assertThat(relabelled.getMetadata().getLabels()).containsExactly(Map.entry("team", "web"));
        assertThat(relabelled.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
        assertThat(relabelled.getMetadata().getResourceVersion()).isNotEqualTo(created.getMetadata().getResourceVersion());
        assertThat(relabelled.getMetadata().getGeneration()).as("a label is not a spec change").isEqualTo(1L);
        assertThat(rescaled.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void keepsTheLiveStatusWhenAnApplyCarriesNone() {
        apply(DEPLOYMENT);
        kubectl.run("patch", "deployment", "web", "-n", "default", "--subresource=status", "--type=merge",
                "-p", "{\"status\":{\"readyReplicas\":1}}");

        apply(DEPLOYMENT.replace("nginx", "nginx:1.27"));

        assertThat(kubectl.getJson("deployment", "default", "web")).extractingByKey("status")
                .isEqualTo(Map.of("readyReplicas", 1));
    }

    @Test
    void letsKubectlScaleLabelAndPatchAStoredObject() {
        apply(DEPLOYMENT);

        kubectl.run("scale", "deployment", "web", "-n", "default", "--replicas=3");
        kubectl.run("label", "deployment", "web", "-n", "default", "tier=back", "--overwrite");
        kubectl.run("patch", "deployment", "web", "-n", "default", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"httpd\"}]}}}}");

        Map<String, Object> live = kubectl.getJson("deployment", "default", "web");
        assertThat(live).extractingByKey("spec").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("replicas", 3);
        assertThat(live.toString()).contains("tier=back").contains("image=httpd").doesNotContain("nginx");
        assertThat(cluster.writes()).extracting(InMemoryRequest::method).containsOnly("PATCH");
    }

    @Test
    void makesTheKindOfAStoredCustomResourceDefinitionDiscoverable() {
        apply("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {kind: Widget, plural: widgets, singular: widget}
                  versions: [{name: v1, served: true, storage: true}]
                """);

        assertThat(kubectl.run("api-resources", "--api-group=example.com", "--no-headers")).contains("widgets");
    }

    private GenericKubernetesResource apply(String yaml) {
        GenericKubernetesResource resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        return client.resource(resource).fieldManager("burst-gitops").forceConflicts().serverSideApply();
    }
}
