package dev.burstgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinRendererTest {

    private final ClusterRenderer renderer = new ClusterRenderer();

    @Test
    void rendersEveryYamlFileBelowAPlainDirectoryInPathOrder() {
        RenderResult result = render("plain", "clusters/primary");

        assertThat(result.problems()).isEmpty();
        assertThat(result.objects()).extracting(object -> object.source().toString()).containsExactly(
                "clusters/primary/10-namespace.yaml:2",
                "clusters/primary/apps/redis.yml:1",
                "clusters/primary/apps/worker.yaml:2",
                "clusters/primary/apps/worker.yaml:30");
    }

    @Test
    void givesNamespacedObjectsWithoutANamespaceTheDefaultNamespaceButLeavesClusterScopedOnesWithout() {
        RenderResult result = render("plain", "clusters/primary");

        assertThat(result.objects()).extracting(object -> object.key().toString()).containsExactly(
                "Namespace/burst-gitops",
                "Service default/redis-cache-service",
                "Deployment.apps default/worker-deployment",
                "Service default/worker-service");
    }

    @Test
    void appliesTheKustomizationNamespaceOnlyToNamespacedObjects() {
        RenderResult result = render("kustomize", "clusters/primary");

        assertThat(result.problems()).isEmpty();
        assertThat(result.objects()).filteredOn(object -> ClusterScopedKinds.isClusterScoped(object))
                .allSatisfy(object -> assertThat(object.namespace()).isEmpty());
        assertThat(result.objects()).filteredOn(object -> !ClusterScopedKinds.isClusterScoped(object))
                .allSatisfy(object -> assertThat(object.namespace()).isEqualTo("burst-system"));
    }

    @Test
    void addsCommonLabelsToSelectorsAndTemplatesButPlainLabelsOnlyToMetadata() {
        ManifestObject deployment = objectNamed(render("kustomize", "clusters/primary"), "Deployment", "worker-deployment");

        assertThat(Yaml.at(deployment, "spec", "selector", "matchLabels")).isEqualTo(Map.of(
                "app", "worker", "app.kubernetes.io/part-of", "burst-demo", "track", "stable"));
        assertThat(Yaml.at(deployment, "spec", "template", "metadata", "labels")).isEqualTo(Map.of(
                "app", "worker", "app.kubernetes.io/part-of", "burst-demo", "track", "stable", "tier", "backend"));
        assertThat(Yaml.at(deployment, "metadata", "labels")).isEqualTo(Map.of(
                "app", "worker", "app.kubernetes.io/part-of", "burst-demo", "track", "stable",
                "tier", "backend", "team", "platform"));
    }

    @Test
    void appliesANestedKustomizationFirstAndItsParentAfterwards() {
        RenderResult result = render("nested", "clusters/burst");

        assertThat(result.problems()).isEmpty();
        ManifestObject worker = objectNamed(result, "Deployment", "worker-deployment");
        assertThat(worker.namespace()).isEqualTo("default");
        assertThat(worker.source().toString()).isEqualTo("base/worker/deployment.yaml:1");
        assertThat(Yaml.at(worker, "spec", "template", "metadata", "labels"))
                .isEqualTo(Map.of("app", "worker", "cluster-type", "burst-cluster"));
        assertThat(Yaml.at(worker, "spec", "selector", "matchLabels")).isEqualTo(Map.of("app", "worker"));
    }

    @Test
    void namesEveryUnsupportedKustomizeFieldAtItsLine() {
        RenderResult result = render("unsupported", "clusters/primary");

        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/primary/kustomization.yaml:7: kustomize field 'patches' is not supported by the built-in"
                        + " renderer; set render: kustomize for this cluster",
                "clusters/primary/kustomization.yaml:11: kustomize field 'labels[0].fields' is not supported by the"
                        + " built-in renderer; set render: kustomize for this cluster");
        assertThat(result.objects()).extracting(ManifestObject::name).containsExactly("worker-service");
    }

    @Test
    void refusesResourcesThatAreAbsoluteRemoteMissingOrOutsideTheRepository() {
        RenderResult result = render("escape", "clusters/primary");

        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/primary/kustomization.yaml:4: path '/etc/passwd' is absolute; it must be relative",
                "clusters/primary/kustomization.yaml:5: remote resource 'https://github.com/acme/fleet//base?ref=main'"
                        + " is not allowed; resources must be relative paths inside the repository",
                "clusters/primary/kustomization.yaml:6: path '../../../../escaped.yaml' escapes the repository root",
                "clusters/primary/kustomization.yaml:7: path 'missing.yaml' does not exist");
        assertThat(result.objects()).extracting(ManifestObject::name).containsExactly("worker-service", "shared");
    }

    @Test
    void refusesAResourceFileOutsideTheKustomizationDirectoryAsKustomizeDoes(@TempDir Path temp) throws Exception {
        Path repo = RenderFixtures.copyOf("escape", temp.resolve("repo"));
        Files.writeString(repo.resolve("clusters/primary/kustomization.yaml"), "resources:\n- ../../outside/configmap.yaml\n");

        assertThat(renderer.render(repo, "clusters/primary", options()).problems()).singleElement().asString()
                .startsWith("clusters/primary/kustomization.yaml:2: resource file '../../outside/configmap.yaml'"
                        + " is not in or below clusters/primary");
    }

    @Test
    void refusesASymbolicLinkThatLeadsOutOfTheRepository(@TempDir Path temp) throws Exception {
        Path repo = RenderFixtures.copyOf("plain", temp.resolve("repo"));
        Path secret = Files.writeString(temp.resolve("outside.yaml"), "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n");
        Files.createSymbolicLink(repo.resolve("clusters/primary/apps/linked.yaml"), secret);

        RenderResult result = renderer.render(repo, "clusters/primary", options());

        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/primary/apps/linked.yaml: path 'clusters/primary/apps/linked.yaml'"
                        + " leads outside the repository through a symbolic link");
        assertThat(result.objects()).extracting(ManifestObject::kind).doesNotContain("Secret");
    }

    @Test
    void refusesAKustomizationResourceLinkedToADirectoryOutsideTheRepository(@TempDir Path temp) throws Exception {
        Path repo = RenderFixtures.copyOf("nested", temp.resolve("repo"));
        Path elsewhere = RenderFixtures.copyOf("nested", temp.resolve("elsewhere"));
        Files.createSymbolicLink(repo.resolve("clusters/burst/base"), elsewhere.resolve("base/worker"));
        Files.writeString(repo.resolve("clusters/burst/kustomization.yml"), "resources:\n- base\n");

        RenderResult result = renderer.render(repo, "clusters/burst", options());

        assertThat(result.problems()).singleElement().asString().isEqualTo(
                "clusters/burst/kustomization.yml:2: path 'base' leads outside the repository through a symbolic link");
    }

    @Test
    void refusesAClusterDirectoryOutsideTheRepository() {
        RenderResult result = render("plain", "../nested/clusters/burst");

        assertThat(result.problems()).singleElement().asString()
                .isEqualTo("../nested/clusters/burst: path '../nested/clusters/burst' escapes the repository root");
    }

    @Test
    void reportsAProblemInEveryFileNotJustTheFirst() {
        RenderResult result = render("broken", "clusters/primary");

        assertThat(result.problems()).extracting(problem -> problem.location().toString()).containsExactly(
                "clusters/primary/b-broken.yaml:12",
                "clusters/primary/c-shapes.yaml:1",
                "clusters/primary/c-shapes.yaml:4",
                "clusters/primary/c-shapes.yaml:9");
        assertThat(result.objects()).extracting(ManifestObject::name).containsExactly("good", "fine-before-the-error");
    }

    @Test
    void namesBothPlacesOfAnObjectDefinedTwice() {
        RenderResult result = render("duplicate", "clusters/primary");

        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/primary/b.yaml:6: Service default/worker-service is defined twice:"
                        + " here and at clusters/primary/a.yaml:1");
    }

    @Test
    void rendersAnEmptyDirectoryToNoObjectsWhenTheClusterAllowsIt() {
        assertThat(render("empty", "clusters/primary")).isEqualTo(RenderResult.empty());
    }

    private RenderResult render(String fixture, String clusterDir) {
        return renderer.render(RenderFixtures.repo(fixture), clusterDir, options());
    }

    private static RenderOptions options() {
        return RenderOptions.builtin(ClusterPolicy.unrestricted("primary"));
    }

    static ManifestObject objectNamed(RenderResult result, String kind, String name) {
        return result.objects().stream().filter(object -> object.kind().equals(kind) && object.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + result));
    }
}
