package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** clusters/primary and clusters/burst, rendered by the real kubectl kustomize, hold exactly the reference objects. */
class ClusterDirectoriesRenderTest {

    @Test
    void primaryRendersTheWholeApplicationTheIstioRoutingAndTheController() {
        List<Manifest> objects = Kustomize.render(ReferenceRepository.path("clusters/primary"));

        assertThat(objects).extracting(Manifest::key).containsExactlyInAnyOrder(
                "Namespace default",
                "Namespace burst-gitops",
                "Deployment default/frontend-deployment",
                "Service default/frontend-service",
                "Deployment default/worker-deployment",
                "Service default/worker-service",
                "Deployment default/redis-cache",
                "Service default/redis-cache-service",
                "Gateway default/frontend-gateway",
                "VirtualService default/frontend-ingress-virtual-service",
                "VirtualService default/redis-virtual-service",
                "VirtualService default/worker-virtual-service",
                "DestinationRule default/worker-destination-rule",
                "ServiceAccount burst-gitops/burst-gitops",
                "ClusterRole burst-gitops",
                "ClusterRoleBinding burst-gitops",
                "Role default/burst-gitops",
                "RoleBinding default/burst-gitops",
                "Role istio-system/burst-gitops",
                "RoleBinding istio-system/burst-gitops",
                "Role burst-gitops/burst-gitops",
                "RoleBinding burst-gitops/burst-gitops",
                "ConfigMap burst-gitops/burst-gitops-config",
                "PriorityClass burst-gitops",
                "Deployment burst-gitops/burst-gitops",
                "Service burst-gitops/burst-gitops",
                "Service burst-gitops/burst-gitops-webhook",
                "NetworkPolicy burst-gitops/burst-gitops-ingress",
                "NetworkPolicy burst-gitops/burst-gitops-egress");
    }

    @Test
    void primaryRunsTheWorkerLabelledPrimaryClusterWithoutAPrefix() {
        Manifest worker = find(Kustomize.render(ReferenceRepository.path("clusters/primary")),
                "Deployment default/worker-deployment");

        assertThat(worker.map("spec", "template", "metadata", "labels"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("app", "worker", "cluster-type", "primary-cluster"));
        assertThat(env(worker)).doesNotContainKey("PREFIX")
                .containsEntry("PORT", "8081")
                .containsEntry("REDIS_URL", "redis-cache-service:6379");
    }

    @Test
    void burstRendersOnlyTheWorkerAndTheServicesThatMustResolveThere() {
        List<Manifest> objects = Kustomize.render(ReferenceRepository.path("clusters/burst"));

        assertThat(objects).extracting(Manifest::key).containsExactlyInAnyOrder(
                "Namespace default",
                "Deployment default/worker-deployment",
                "Service default/worker-service",
                "Service default/redis-cache-service");
    }

    @Test
    void burstRunsTheWorkerLabelledBurstClusterWithTheBurstyPrefix() {
        Manifest worker = find(Kustomize.render(ReferenceRepository.path("clusters/burst")),
                "Deployment default/worker-deployment");

        assertThat(worker.map("spec", "template", "metadata", "labels"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("app", "worker", "cluster-type", "burst-cluster"));
        assertThat(worker.map("spec", "selector", "matchLabels")).containsEntry("cluster-type", "burst-cluster");
        assertThat(env(worker)).containsEntry("PREFIX", "bursty-")
                .containsEntry("PORT", "8081")
                .containsEntry("REDIS_URL", "redis-cache-service:6379");
    }

    @Test
    void theDefaultNamespaceIsLabelledForIstioInjectionInBothClusters() {
        for (String cluster : List.of("clusters/primary", "clusters/burst")) {
            Manifest namespace = find(Kustomize.render(ReferenceRepository.path(cluster)), "Namespace default");

            assertThat(namespace.map("metadata", "labels")).as(cluster).containsEntry("istio-injection", "enabled");
        }
    }

    @Test
    void servicesExposeTheReferencePorts() {
        List<Manifest> primary = Kustomize.render(ReferenceRepository.path("clusters/primary"));

        assertThat(port(find(primary, "Service default/frontend-service")))
                .containsEntry("name", "http").containsEntry("port", 80).containsEntry("targetPort", 8080);
        assertThat(port(find(primary, "Service default/worker-service")))
                .containsEntry("name", "http").containsEntry("port", 80).containsEntry("targetPort", 8081);
        assertThat(port(find(primary, "Service default/redis-cache-service"))).containsEntry("port", 6379);
        assertThat(port(find(primary, "Service burst-gitops/burst-gitops")))
                .containsEntry("name", "http").containsEntry("port", 8080);
        assertThat(port(find(primary, "Service burst-gitops/burst-gitops-webhook")))
                .containsEntry("name", "webhook").containsEntry("port", 8081).containsEntry("targetPort", "webhook");
    }

    static Manifest find(List<Manifest> objects, String key) {
        return objects.stream().filter(o -> o.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " among " + objects.stream().map(Manifest::key).toList()));
    }

    private static Map<String, Object> port(Manifest service) {
        return service.list("spec", "ports").get(0).root();
    }

    private static Map<String, String> env(Manifest deployment) {
        Manifest container = deployment.list("spec", "template", "spec", "containers").get(0);
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (Manifest variable : container.list("env")) {
            env.put(variable.string("name"), variable.string("value"));
        }
        return env;
    }
}
