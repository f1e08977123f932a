package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every Deployment is probed and sized; the controller's pod runs locked down. */
class WorkloadSpecificationTest {
    private final List<Manifest> deployments = ReferenceRepository.objectsUnder("apps", "gitops-repo-template").stream()
            .filter(o -> o.kind().equals("Deployment")).toList();

    @Test
    void everyContainerOfEveryDeploymentHasProbesRequestsAndLimits() {
        assertThat(deployments).hasSizeGreaterThanOrEqualTo(7);
        for (Manifest deployment : deployments) {
            assertThat(deployment.string("apiVersion")).isEqualTo("apps/v1");
            for (Manifest container : containers(deployment)) {
                String where = deployment.key() + " (" + deployment.source() + ") container " + container.string("name");
                assertThat(container.get("readinessProbe")).as("readinessProbe of %s", where).isNotNull();
                assertThat(container.get("livenessProbe")).as("livenessProbe of %s", where).isNotNull();
                assertThat(container.map("resources", "requests")).as("requests of %s", where).containsKeys("cpu", "memory");
                assertThat(container.map("resources", "limits")).as("limits of %s", where).containsKeys("cpu", "memory");
            }
        }
    }

    @Test
    void theApplicationProbesMarkTheirTrafficWithTheReferenceCookies() {
        for (String key : List.of("Deployment default/frontend-deployment", "Deployment default/worker-deployment")) {
            for (Manifest deployment : deployments.stream().filter(d -> d.key().equals(key)).toList()) {
                Manifest container = containers(deployment).get(0);
                assertThat(container.string("readinessProbe", "httpGet", "path")).isEqualTo("/_healthz");
                assertThat(container.list("readinessProbe", "httpGet", "httpHeaders")).extracting(Manifest::root)
                        .containsExactly(Map.of("name", "Cookie", "value", "istio_session-id=x-readiness-probe"));
                assertThat(container.string("livenessProbe", "httpGet", "path")).isEqualTo("/");
                assertThat(container.list("livenessProbe", "httpGet", "httpHeaders")).extracting(Manifest::root)
                        .containsExactly(Map.of("name", "Cookie", "value", "istio_session-id=x-liveness-probe"));
            }
        }
    }

    @Test
    void redisKeepsItsDataInAnEmptyDirAndIsProbedOverTcp() {
        Manifest redis = only("Deployment default/redis-cache");
        Manifest container = containers(redis).get(0);

        assertThat(container.string("image")).isEqualTo("redis:alpine");
        assertThat(container.string("readinessProbe", "tcpSocket", "port")).isIn("6379", "redis");
        assertThat(container.string("livenessProbe", "tcpSocket", "port")).isIn("6379", "redis");
        assertThat(container.map("resources", "requests")).containsEntry("cpu", "70m").containsEntry("memory", "200Mi");
        assertThat(container.map("resources", "limits")).containsEntry("cpu", "125m").containsEntry("memory", "256Mi");
        assertThat(container.list("volumeMounts")).extracting(m -> m.string("mountPath")).containsExactly("/data");
        assertThat(redis.list("spec", "template", "spec", "volumes").get(0).get("emptyDir")).isNotNull();
    }

    @Test
    void theControllerRunsAsUser10001WithAReadOnlyRootFilesystemAndNoCapabilities() {
        Manifest controller = only("Deployment burst-gitops/burst-gitops");
        Manifest container = containers(controller).get(0);

        assertThat(controller.get("spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(controller.get("spec", "template", "spec", "securityContext", "runAsUser")).isEqualTo(10001);
        assertThat(controller.string("spec", "template", "spec", "securityContext", "seccompProfile", "type"))
                .isEqualTo("RuntimeDefault");
        assertThat(container.map("securityContext"))
                .containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", 10001)
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false);
        assertThat(container.get("securityContext", "capabilities", "drop")).isEqualTo(List.of("ALL"));
        assertThat(container.get("securityContext", "capabilities", "add")).isNull();
    }

    @Test
    void theControllerRunsTheImageWithItsConfigAndProbesHealthAndReadinessOnPortHttp() {
        Manifest controller = only("Deployment burst-gitops/burst-gitops");
        Manifest container = containers(controller).get(0);

        assertThat(controller.string("spec", "template", "spec", "serviceAccountName")).isEqualTo("burst-gitops");
        assertThat(container.string("image")).isEqualTo("burst-gitops:0.1.0");
        assertThat(container.get("args")).isEqualTo(List.of("run", "--config", "/etc/burst-gitops/config/burst-gitops.yaml",
                "--last-good-config", "/tmp/burst-gitops-last-good.yaml"));
        assertThat(container.list("ports")).extracting(Manifest::root)
                .containsExactly(Map.of("name", "http", "containerPort", 8080),
                        Map.of("name", "webhook", "containerPort", 8081));
        assertThat(container.string("readinessProbe", "httpGet", "path")).isEqualTo("/readyz");
        assertThat(container.string("readinessProbe", "httpGet", "port")).isEqualTo("http");
        assertThat(container.string("livenessProbe", "httpGet", "path")).isEqualTo("/healthz");
        assertThat(container.string("livenessProbe", "httpGet", "port")).isEqualTo("http");
    }

    @Test
    void theControllerWritesOnlyToItsEmptyDirsAndReadsCredentialsFromItsSecrets() {
        Manifest controller = only("Deployment burst-gitops/burst-gitops");
        Manifest container = containers(controller).get(0);
        List<Manifest> volumes = controller.list("spec", "template", "spec", "volumes");

        assertThat(container.list("volumeMounts")).extracting(m -> m.string("mountPath")).containsExactlyInAnyOrder(
                "/etc/burst-gitops/config", "/etc/burst-gitops/git", "/etc/burst-gitops/burst",
                "/etc/burst-gitops/webhook", "/etc/burst-gitops/signing", "/var/lib/burst-gitops", "/tmp");
        assertThat(volumes).filteredOn(v -> v.get("emptyDir") != null).extracting(v -> v.string("name"))
                .containsExactlyInAnyOrder("checkout", "tmp");
        assertThat(volumes).filteredOn(v -> v.get("secret") != null).extracting(v -> v.string("secret", "secretName"))
                .containsExactlyInAnyOrder("burst-gitops-git", "burst-gitops-burst-kubeconfig", "burst-gitops-webhook",
                        "burst-gitops-signing");
        // Signing is opt-in: without its Secret the pod must still start.
        assertThat(volumes).filteredOn(v -> "signing".equals(v.string("name")))
                .singleElement().satisfies(v -> assertThat(v.get("secret", "optional")).isEqualTo(true));
        assertThat(volumes).filteredOn(v -> v.get("configMap") != null).extracting(v -> v.string("configMap", "name"))
                .containsExactly("burst-gitops-config");
        for (Manifest mount : container.list("volumeMounts")) {
            boolean writable = List.of("/var/lib/burst-gitops", "/tmp").contains(mount.string("mountPath"));
            assertThat(mount.get("readOnly")).as("readOnly of %s", mount.string("mountPath"))
                    .isEqualTo(writable ? null : true);
        }
    }

    private Manifest only(String key) {
        List<Manifest> found = deployments.stream().filter(d -> d.key().equals(key)).toList();
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }

    private static List<Manifest> containers(Manifest deployment) {
        return deployment.list("spec", "template", "spec", "containers");
    }
}
