package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.Kubectl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The reference deployment on a real kube-apiserver (RBAC authorizer, admission): an
 * administrator installs apps/burst-gitops as the README says; then the controller's own
 * identity, its ServiceAccount, server-side applies the whole of clusters/primary — its
 * PriorityClass and NetworkPolicies included — and may do nothing more with them.
 */
class ControllerRbacOnApiServerTest {

    private static final String CONTROLLER = "system:serviceaccount:burst-gitops:burst-gitops";

    @TempDir
    Path dir;

    private KubeFixture cluster;
    private Kubectl admin;

    @BeforeEach
    void install() {
        cluster = KubeFixture.start("primary", dir);
        admin = cluster.kubectl();
        admin.run("apply", "--server-side", "-k", ReferenceRepository.path("apps/burst-gitops").toString());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theControllerMayServerSideApplyAllOfClustersPrimaryAsItsServiceAccount() {
        Kubectl.Result apply = admin.tryRun("apply", "--server-side", "--field-manager=burst-gitops",
                "--force-conflicts", "--as=" + CONTROLLER, "-k", ReferenceRepository.path("clusters/primary").toString());

        assertThat(apply.exitCode()).as(apply.stderr()).isZero();
        assertThat(apply.stdout()).contains("priorityclass.scheduling.k8s.io/burst-gitops serverside-applied")
                .contains("networkpolicy.networking.k8s.io/burst-gitops-ingress serverside-applied")
                .contains("networkpolicy.networking.k8s.io/burst-gitops-egress serverside-applied")
                .contains("service/burst-gitops-webhook serverside-applied");
    }

    @Test
    void itsPriorityClassIsItsOwnToKeepButNotToDeleteAndNoOtherClassIsItsToMake() {
        assertThat(can("patch", "priorityclasses.scheduling.k8s.io/burst-gitops")).isTrue();
        assertThat(can("get", "priorityclasses.scheduling.k8s.io/burst-gitops")).isTrue();
        assertThat(can("delete", "priorityclasses.scheduling.k8s.io/burst-gitops")).isFalse();
        assertThat(can("create", "priorityclasses.scheduling.k8s.io/system-critical")).isFalse();
        assertThat(can("patch", "priorityclasses.scheduling.k8s.io/other")).isFalse();
    }

    @Test
    void itsNetworkPoliciesAreItsToApplyInItsOwnNamespaceOnly() {
        assertThat(can("patch", "networkpolicies.networking.k8s.io/burst-gitops-egress", "-n", "burst-gitops")).isTrue();
        assertThat(can("list", "networkpolicies.networking.k8s.io", "-n", "burst-gitops")).isTrue();
        assertThat(can("patch", "networkpolicies.networking.k8s.io/anything", "-n", "default")).isFalse();
    }

    @Test
    void aPodOfTheDeploymentIsAdmittedWithThePriorityOfItsClass() throws Exception {
        // No controller-manager makes pods here: create one from the Deployment's template, so the
        // Priority admission plugin resolves priorityClassName as it will for the real pod.
        Manifest deployment = ClusterDirectoriesRenderTest.find(
                Kustomize.render(ReferenceRepository.path("apps/burst-gitops")), "Deployment burst-gitops/burst-gitops");
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", Map.of("name", "burst-gitops-probe", "namespace", "burst-gitops"));
        pod.put("spec", deployment.map("spec", "template", "spec"));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = Files.writeString(dir.resolve("pod.yaml"), new Yaml(options).dump(pod));

        admin.run("create", "-f", file.toString());

        Map<String, Object> created = admin.getJson("pod", "burst-gitops", "burst-gitops-probe");
        Map<String, Object> priorityClass = admin.getJson("priorityclass", "", "burst-gitops");
        assertThat(((Map<?, ?>) created.get("spec")).get("priority")).isEqualTo(priorityClass.get("value"));
        assertThat(((Map<?, ?>) created.get("spec")).get("priorityClassName")).isEqualTo("burst-gitops");
    }

    /** {@code kubectl auth can-i} as the controller's ServiceAccount, asked of the real authorizer. */
    private boolean can(String verb, String resource, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("auth", "can-i", verb, resource, "--as=" + CONTROLLER));
        args.addAll(List.of(more));
        Kubectl.Result result = admin.tryRun(args.toArray(String[]::new));
        assertThat(result.stdout().strip()).as(result.stderr()).isIn("yes", "no");
        return result.stdout().strip().equals("yes");
    }
}
