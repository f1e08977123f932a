package dev.burstgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterPolicyTest {

    private final ClusterRenderer renderer = new ClusterRenderer();

    @Test
    void reportsForbiddenClusterScopedKindsAndNamespacesAtTheObjects() {
        ClusterPolicy burst = new ClusterPolicy("burst", Set.of("default"), Set.of("Namespace"), false);

        RenderResult result = renderer.render(RenderFixtures.repo("policy"), "clusters/burst", RenderOptions.builtin(burst));

        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/burst/extra.yaml:1: ClusterRoleBinding is cluster-scoped and not allowed in cluster burst"
                        + " (allowedClusterScopedKinds: [Namespace])",
                "clusters/burst/namespaces.yaml:6: Namespace team-b is not allowed in cluster burst"
                        + " (allowedNamespaces: [default])",
                "clusters/burst/worker.yaml:12: ConfigMap elsewhere is in namespace 'team-b', which is not allowed"
                        + " in cluster burst (allowedNamespaces: [default])");
    }

    @Test
    void checksTheDefaultedNamespaceOfAnObjectThatNamesNone() {
        ClusterPolicy onlyIstio = new ClusterPolicy("primary", Set.of("istio-system"), Set.of(ClusterPolicy.ANY_KIND), false);

        RenderResult result = renderer.render(RenderFixtures.repo("policy"), "clusters/burst", RenderOptions.builtin(onlyIstio));

        assertThat(result.problems()).extracting(RenderProblem::toString).contains(
                "clusters/burst/worker.yaml:1: Deployment worker-deployment is in namespace 'default', which is not"
                        + " allowed in cluster primary (allowedNamespaces: [istio-system])");
    }

    @Test
    void allowsAnyNamespaceWhenTheListIsEmpty() {
        ClusterPolicy anyNamespace = new ClusterPolicy("burst", Set.of(), Set.of("Namespace", "ClusterRoleBinding"), false);

        RenderResult result = renderer.render(RenderFixtures.repo("policy"), "clusters/burst", RenderOptions.builtin(anyNamespace));

        assertThat(result.problems()).isEmpty();
        assertThat(result.objects()).hasSize(5);
    }

    @Test
    void reportsAnEmptyRenderWhenTheClusterDoesNotAllowIt() {
        ClusterPolicy strict = new ClusterPolicy("primary", Set.of(), Set.of(), false);

        RenderResult result = renderer.render(RenderFixtures.repo("empty"), "clusters/primary", RenderOptions.builtin(strict));

        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/primary: renders no objects; cluster primary does not allow an empty directory (allowEmpty: false)");
    }

    @Test
    void knowsTheWellKnownClusterScopedKindsByGroup() {
        assertThat(ClusterScopedKinds.isClusterScoped("rbac.authorization.k8s.io", "ClusterRole")).isTrue();
        assertThat(ClusterScopedKinds.isClusterScoped("", "PersistentVolume")).isTrue();
        assertThat(ClusterScopedKinds.isClusterScoped("admissionregistration.k8s.io", "ValidatingWebhookConfiguration")).isTrue();
        assertThat(ClusterScopedKinds.isClusterScoped("", "PersistentVolumeClaim")).isFalse();
        assertThat(ClusterScopedKinds.isClusterScoped("networking.istio.io", "VirtualService")).isFalse();
    }
}
