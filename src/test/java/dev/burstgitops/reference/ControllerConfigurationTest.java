package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The burst-gitops.yaml embedded in ConfigMap burst-gitops-config describes this very repository. */
class ControllerConfigurationTest {
    /** Source-reported at the frontend, over 4 scrapes: what the primary's Prometheus sees of every request. */
    private static final String REFERENCE_QUERY = "sum(rate(istio_requests_total{reporter=\"source\","
            + "source_workload=\"frontend-deployment\",destination_service=\"worker-service.default.svc.cluster.local\"}[1m]))";

    private final Manifest config = embeddedConfig();

    @Test
    void parsesAndHoldsOnlyTheTopLevelSectionsOfTheDesignFormat() {
        assertThat(config.root().keySet()).containsExactlyInAnyOrder(
                "git", "prometheus", "policies", "clusters", "sync", "server", "leaderElection");
    }

    @Test
    void theWorkerPolicyUsesTheReferenceQueryAndThresholds() {
        List<Manifest> policies = config.list("policies");
        assertThat(policies).hasSize(1);
        Manifest worker = policies.get(0);

        assertThat(worker.string("name")).isEqualTo("worker");
        assertThat(worker.string("query")).isEqualTo(REFERENCE_QUERY);
        assertThat(worker.get("enterAbove")).isEqualTo(15);
        assertThat(worker.get("exitBelow")).isEqualTo(10);
        assertThat(worker.map()).contains(
                Map.entry("interval", "1s"), Map.entry("enterFor", "0s"), Map.entry("exitFor", "30s"),
                Map.entry("cooldown", "60s"), Map.entry("onMissingData", "hold"));
        assertThat(worker.map("virtualService", "natural")).isEqualTo(Map.of("primary", 100, "burst", 0));
        assertThat(worker.map("virtualService", "burst")).isEqualTo(Map.of("primary", 0, "burst", 100));
        assertThat(worker.map("virtualService", "subsets")).isEqualTo(Map.of("primary", "primary", "burst", "burst"));
    }

    @Test
    void theWorkerPolicyPointsAtTheVirtualServiceFileOfThisRepository() {
        Manifest virtualService = new Manifest(config.list("policies").get(0).map("virtualService"), "config");
        String file = virtualService.string("file");

        assertThat(file).isEqualTo("apps/istio/worker-virtualservice.yaml");
        assertThat(Manifest.loadAll(ReferenceRepository.read(ReferenceRepository.path(file)), file))
                .extracting(Manifest::name).contains(virtualService.string("name"));
    }

    @Test
    void gitPrometheusSyncServerAndLeaderElectionMatchTheInClusterDeployment() {
        assertThat(config.map("git")).contains(
                Map.entry("url", "https://git.example.com/acme/fleet.git"), Map.entry("branch", "main"),
                Map.entry("checkoutDir", "/var/lib/burst-gitops/checkout"), Map.entry("writeMode", "direct"));
        assertThat(config.map("git", "auth")).isEqualTo(Map.of(
                "usernameFile", "/etc/burst-gitops/git/username", "tokenFile", "/etc/burst-gitops/git/token"));
        assertThat(config.map("prometheus")).isEqualTo(Map.of(
                "url", "http://prometheus.istio-system.svc.cluster.local:9090", "timeout", "2s",
                "scrapeInterval", "15s"));
        assertThat(config.map("sync")).isEqualTo(Map.of(
                "interval", "60s", "mode", "apply", "prune", true, "inventoryNamespace", "burst-gitops"));
        assertThat(config.map("server")).isEqualTo(Map.of("address", "0.0.0.0", "port", 8080, "webhookPort", 8081,
                "webhookSecretFile", "/etc/burst-gitops/webhook/secret"));
        assertThat(config.map("leaderElection")).isEqualTo(Map.of(
                "enabled", true, "namespace", "burst-gitops", "leaseName", "burst-gitops"));
    }

    @Test
    void theClustersAreThisRepositorysClusterDirectoriesWithTheirCredentials() {
        List<Manifest> clusters = config.list("clusters");

        assertThat(clusters).extracting(c -> c.string("name")).containsExactly("primary", "burst");
        assertThat(clusters.get(0).map()).contains(
                Map.entry("path", "clusters/primary"), Map.entry("kubeconfig", "in-cluster"),
                Map.entry("allowedNamespaces", List.of("default", "istio-system", "burst-gitops")),
                Map.entry("allowedClusterScopedKinds",
                        List.of("Namespace", "ClusterRole", "ClusterRoleBinding", "PriorityClass")));
        assertThat(clusters.get(1).map()).contains(
                Map.entry("path", "clusters/burst"), Map.entry("kubeconfig", "/etc/burst-gitops/burst/kubeconfig"),
                Map.entry("context", "burst"));
        for (Manifest cluster : clusters) {
            assertThat(Files.isRegularFile(ReferenceRepository.path(cluster.string("path")).resolve("kustomization.yaml")))
                    .as("kustomization.yaml in %s", cluster.string("path")).isTrue();
        }
    }

    @Test
    void everyObjectOfAClusterStaysWithinTheNamespacesAndClusterScopedKindsItIsAllowed() {
        for (Manifest cluster : config.list("clusters")) {
            Set<Object> namespaces = Set.copyOf((List<?>) cluster.get("allowedNamespaces"));
            Set<Object> clusterScopedKinds = Set.copyOf((List<?>) cluster.get("allowedClusterScopedKinds"));
            for (Manifest object : Kustomize.render(ReferenceRepository.path(cluster.string("path")))) {
                if (object.namespace() == null) {
                    assertThat(clusterScopedKinds).as("%s in cluster %s", object.key(), cluster.string("name"))
                            .contains(object.kind());
                } else {
                    assertThat(namespaces).as("%s in cluster %s", object.key(), cluster.string("name"))
                            .contains(object.namespace());
                }
            }
        }
    }

    private static Manifest embeddedConfig() {
        Manifest configMap = ReferenceRepository.objectsUnder("apps/burst-gitops").stream()
                .filter(o -> o.key().equals("ConfigMap burst-gitops/burst-gitops-config"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap burst-gitops-config in apps/burst-gitops"));
        assertThat(configMap.map("data")).containsOnlyKeys("burst-gitops.yaml");
        return Manifest.load(configMap.string("data", "burst-gitops.yaml"), "burst-gitops-config/burst-gitops.yaml");
    }
}
