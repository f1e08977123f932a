package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Argo CD and Flux objects shipped for commit-only mode point at this repository's cluster
 * directories, and nothing the built-in sync applies names them (they are not applied by default).
 */
class GitopsEnginesTest {

    private static final Path ENGINES = Path.of("apps/gitops-engines");

    @Test
    void theArgoCdApplicationsApplyEachClusterDirectoryToItsCluster() throws IOException {
        List<Manifest> applications = Manifest.loadAll(Files.readString(ENGINES.resolve("argocd/applications.yaml")),
                "argocd/applications.yaml");

        assertThat(applications).extracting(Manifest::kind).containsOnly("Application");
        assertThat(applications).extracting(a -> a.string("spec", "source", "path"))
                .containsExactly("clusters/primary", "clusters/burst");
        assertThat(applications.get(0).string("spec", "destination", "server"))
                .isEqualTo("https://kubernetes.default.svc");
        assertThat(applications.get(1).string("spec", "destination", "name")).isEqualTo("burst");
        applications.forEach(application -> assertClusterDirectory(application.string("spec", "source", "path")));
    }

    @Test
    void theFluxKustomizationsApplyEachClusterDirectoryTheBurstOneThroughItsKubeconfig() throws IOException {
        List<Manifest> objects = Manifest.loadAll(Files.readString(ENGINES.resolve("flux/kustomizations.yaml")),
                "flux/kustomizations.yaml");

        assertThat(objects).extracting(Manifest::kind).containsExactly("GitRepository", "Kustomization", "Kustomization");
        List<Manifest> kustomizations = objects.subList(1, 3);
        assertThat(kustomizations).extracting(k -> k.string("spec", "path"))
                .containsExactly("./clusters/primary", "./clusters/burst");
        assertThat(kustomizations).allSatisfy(k -> assertThat(k.string("spec", "sourceRef", "name"))
                .isEqualTo(objects.get(0).name()));
        assertThat(kustomizations.get(1).string("spec", "kubeConfig", "secretRef", "name")).isNotBlank();
        kustomizations.forEach(k -> assertClusterDirectory(k.string("spec", "path").substring(2)));
    }

    @Test
    void nothingTheBuiltInSyncAppliesNamesThem() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("clusters"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("gitops-engines");
            }
        }
    }

    private static void assertClusterDirectory(String path) {
        assertThat(Path.of(path).resolve("kustomization.yaml")).as(path).isRegularFile();
    }
}
