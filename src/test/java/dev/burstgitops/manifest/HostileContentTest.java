package dev.burstgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repository content meant to exhaust or mislead the renderer is refused, with the file and the limit. */
class HostileContentTest {

    @TempDir
    Path repo;

    private final ClusterRenderer renderer = new ClusterRenderer();

    @Test
    void anAliasBombUnderSnakeYamlsAliasLimitIsRefusedAtTheAnchorsLine() throws Exception {
        // 48 aliases in under 1 KB: seven levels of eight references expand to 9 * 8^6 (2.4 * 10^6) values.
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n"
                + "  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char level = 'b'; level <= 'g'; level++) {
            bomb.append("  ").append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 8; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = level;
        }
        write("clusters/east/bomb.yaml", bomb.toString());

        RenderResult result = render("clusters/east");

        assertThat(result.objects()).isEmpty();
        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/east/bomb.yaml:5: its YAML aliases expand to more than 1000000 values, over"
                        + " sync.limits.maxExpandedYamlNodes (an alias bomb?); write the values out");
    }

    @Test
    void aFileOverFourMebibytesIsRefusedWithoutBeingParsed() throws Exception {
        write("clusters/east/small.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n");
        write("clusters/east/huge.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  blob: "
                + "x".repeat((int) RepositoryLimits.DEFAULTS.maxFileBytes()) + "\n");

        RenderResult result = render("clusters/east");

        assertThat(result.problems()).singleElement().asString().startsWith("clusters/east/huge.yaml: is ")
                .endsWith("bytes, more than the 4194304 bytes (4 MiB) a manifest file may hold (sync.limits.maxFileSize)");
    }

    @Test
    void aDirectoryRenderingMoreObjectsThanTheLimitIsRefused() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= RepositoryLimits.DEFAULTS.maxObjectsPerCluster(); i++) {
            many.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i).append("}\n");
        }
        write("clusters/east/many.yaml", many.toString());

        RenderResult result = render("clusters/east");

        assertThat(result.objects()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .isEqualTo("clusters/east: renders 10001 objects, more than the 10000 a cluster directory may hold"
                        + " (sync.limits.maxObjectsPerCluster)");
    }

    @Test
    void anObjectOfAClusterScopedCustomKindIsCheckedAsClusterScopedWhateverItsNamespaceSays() throws Exception {
        write("clusters/east/crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: quotas.example.com}
                spec:
                  group: example.com
                  scope: Cluster
                  names: {kind: Quota, plural: quotas}
                  versions: [{name: v1, served: true, storage: true}]
                ---
                apiVersion: example.com/v1
                kind: Quota
                metadata: {name: everything, namespace: shop}
                """);

        RenderResult result = renderer.render(repo, "clusters/east", RenderOptions.builtin(
                new ClusterPolicy("east", Set.of("shop"), Set.of("Namespace", "CustomResourceDefinition"), false)));

        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/east/crd.yaml:10: Quota is cluster-scoped and not allowed in cluster east"
                        + " (allowedClusterScopedKinds: [CustomResourceDefinition, Namespace])");
    }

    @Test
    void aUrlInEveryFieldKustomizeReadsIsRefusedEvenWhenAFileOfThatPathIsCommitted() throws Exception {
        String url = "https://raw.example.com/x.yaml";
        write("clusters/east/kustomization.yaml", String.join("\n",
                "resources: [app.yaml, component, " + url + "]",
                "bases: [\"github.com/acme/fleet//base?ref=v1\"]",
                "components: [\"git@github.com:acme/fleet.git//component\"]",
                "crds: [" + url + "]",
                "configurations: [" + url + "]",
                "transformers: [" + url + "]",
                "generators: [" + url + "]",
                "validators: [" + url + "]",
                "patchesStrategicMerge: [" + url + "]",
                "patches: [{path: " + url + "}]",
                "patchesJson6902: [{path: " + url + ", target: {kind: ConfigMap, name: app}}]",
                "replacements: [{path: " + url + "}]",
                "configMapGenerator: [{name: a, files: [\"key=" + url + "\"], envs: [" + url + "]}]",
                "secretGenerator: [{name: b, files: [" + url + "], env: " + url + "}]",
                "openapi: {path: " + url + "}",
                "helmCharts: [{name: c, repo: https://charts.example.com}]",
                ""));
        write("clusters/east/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n");
        // A file committed under the URL's own path: kustomize would still fetch the URL.
        write("clusters/east/https:/raw.example.com/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shadow}\n");
        write("clusters/east/component/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\n"
                + "kind: Component\npatches: [{path: \"http://127.0.0.1:1/p.yaml\"}]\n");
        Path ran = repo.resolve("kubectl-ran");
        RenderOptions kustomize = kustomizeThroughProbe(ran);

        RenderResult refused = renderer.render(repo, "clusters/east", kustomize);

        assertThat(refused.problems()).extracting(problem -> problem.toString().replaceFirst(" names the remote .*", ""))
                .containsExactlyInAnyOrder("clusters/east/kustomization.yaml: resources",
                        "clusters/east/kustomization.yaml: bases", "clusters/east/kustomization.yaml: components",
                        "clusters/east/kustomization.yaml: crds", "clusters/east/kustomization.yaml: configurations",
                        "clusters/east/kustomization.yaml: transformers", "clusters/east/kustomization.yaml: generators",
                        "clusters/east/kustomization.yaml: validators",
                        "clusters/east/kustomization.yaml: patchesStrategicMerge",
                        "clusters/east/kustomization.yaml: patches.path",
                        "clusters/east/kustomization.yaml: patchesJson6902.path",
                        "clusters/east/kustomization.yaml: replacements.path",
                        "clusters/east/kustomization.yaml: configMapGenerator.files",
                        "clusters/east/kustomization.yaml: configMapGenerator.envs",
                        "clusters/east/kustomization.yaml: secretGenerator.files",
                        "clusters/east/kustomization.yaml: secretGenerator.env",
                        "clusters/east/kustomization.yaml: openapi.path",
                        "clusters/east/kustomization.yaml: helmCharts.repo",
                        "clusters/east/component/kustomization.yaml: patches.path");
        assertThat(ran).as("kustomize never ran, so nothing was fetched").doesNotExist();
    }

    @Test
    void basesThatNameTheSameBasesLevelAfterLevelAreRefusedBeforeEitherEngineRuns() throws Exception {
        // 22 levels, each base naming both bases of the next: 46 small files, 4,194,304 resource paths.
        fanOut("clusters/east", 22);
        Path ran = repo.resolve("kubectl-ran");
        RenderOptions kustomize = kustomizeThroughProbe(ran);

        for (RenderOptions options : List.of(RenderOptions.builtin(ClusterPolicy.unrestricted("east")), kustomize)) {
            RenderResult refused = renderer.render(repo, "clusters/east", options);

            assertThat(refused.objects()).isEmpty();
            assertThat(refused.problems()).extracting(RenderProblem::toString).containsExactly(
                    "clusters/east/kustomization.yaml: its resources, bases and components expand to more than 20000"
                            + " resource paths (a base named again is counted again): not rendered"
                            + " (sync.limits.maxRenderedResources)");
        }
        assertThat(ran).doesNotExist();

        // The same shape, 10 levels (1,024 paths), is within the limit: rendered (its duplicates reported).
        fanOut("clusters/west", 10);
        assertThat(renderer.render(repo, "clusters/west", RenderOptions.builtin(ClusterPolicy.unrestricted("west")))
                .problems()).noneMatch(problem -> problem.toString().contains("maxRenderedResources"));
    }

    /** {@code levels} levels of two bases, each naming both bases of the next; the last holds one ConfigMap. */
    private void fanOut(String cluster, int levels) throws Exception {
        String root = cluster.replace("clusters/", "");
        write(cluster + "/kustomization.yaml", "resources: [../../fan-" + root + "/1/a, ../../fan-" + root + "/1/b]\n");
        for (int level = 1; level <= levels; level++) {
            for (String side : List.of("a", "b")) {
                String dir = "fan-" + root + "/" + level + "/" + side;
                write(dir + "/kustomization.yaml", level == levels ? "resources: [cm.yaml]\n"
                        : "resources: [../../" + (level + 1) + "/a, ../../" + (level + 1) + "/b]\n");
                if (level == levels) {
                    write(dir + "/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: leaf-" + side + "}\n");
                }
            }
        }
    }

    @Test
    void aKustomizationNamingRemoteResourcesIsRefusedBeforeKustomizeCouldFetchThem() throws Exception {
        write("clusters/east/kustomization.yaml", "resources: [app.yaml, base, https://raw.example.com/evil.yaml]\n");
        write("clusters/east/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n");
        write("clusters/east/base/kustomization.yaml", "resources: [\"github.com/acme/fleet//base?ref=v1\"]\n");
        Path ran = repo.resolve("kubectl-ran");
        RenderOptions kustomize = kustomizeThroughProbe(ran);

        RenderResult refused = renderer.render(repo, "clusters/east", kustomize);

        assertThat(refused.problems()).extracting(RenderProblem::toString).containsExactlyInAnyOrder(
                "clusters/east/kustomization.yaml: resources names the remote https://raw.example.com/evil.yaml, which"
                        + " is not in Git; set allowRemoteResources: true on the cluster to fetch it",
                "clusters/east/base/kustomization.yaml: resources names the remote github.com/acme/fleet//base?ref=v1,"
                        + " which is not in Git; set allowRemoteResources: true on the cluster to fetch it");
        assertThat(ran).doesNotExist();

        renderer.render(repo, "clusters/east", kustomize.withRemoteResources(true));

        assertThat(ran).exists();
    }

    private RenderResult render(String directory) {
        return renderer.render(repo, directory, RenderOptions.builtin(ClusterPolicy.unrestricted("east")));
    }

    /**
     * {@code render: kustomize} for cluster east through a probe instead of kubectl: it records in
     * {@code ran} whether it was run at all (the network is closed here anyway), and fails.
     */
    private RenderOptions kustomizeThroughProbe(Path ran) throws Exception {
        Path probe = write("probe/kubectl", "#!/bin/sh\ntouch " + ran + "\nexit 1\n");
        probe.toFile().setExecutable(true);
        return RenderOptions.kustomize(ClusterPolicy.unrestricted("east"))
                .withKubectl(probe.toString(), RenderOptions.DEFAULT_KUSTOMIZE_TIMEOUT);
    }

    private Path write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
