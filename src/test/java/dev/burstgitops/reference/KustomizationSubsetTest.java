package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every kustomization.yaml stays within the subset the built-in renderer supports, so builtin and kustomize agree. */
class KustomizationSubsetTest {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "commonLabels", "labels");

    private final List<Path> kustomizations = ReferenceRepository.yamlFilesUnder("apps", "clusters", "gitops-repo-template")
            .stream().filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();

    @Test
    void everyKustomizationUsesOnlyResourcesNamespaceAndLabels() {
        assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(15);
        for (Path file : kustomizations) {
            Manifest kustomization = Manifest.load(ReferenceRepository.read(file), file.toString());
            assertThat(kustomization.root().keySet()).as("fields of %s", file).isSubsetOf(SUPPORTED);
            assertThat(kustomization.get("resources")).as("resources of %s", file).isInstanceOf(List.class);
        }
    }

    @Test
    void everyResourceIsARelativePathInsideTheRepositoryThatExists() {
        for (Path file : kustomizations) {
            Manifest kustomization = Manifest.load(ReferenceRepository.read(file), file.toString());
            for (Object entry : (List<?>) kustomization.get("resources")) {
                String resource = entry.toString();
                Path target = file.getParent().resolve(resource).normalize();
                assertThat(resource).as("resource in %s", file).doesNotStartWith("/").doesNotContain("://");
                assertThat(target).as("%s in %s", resource, file).startsWith(ReferenceRepository.ROOT);
                assertThat(Files.exists(target)).as("%s in %s exists", resource, file).isTrue();
            }
        }
    }

    @Test
    void theClusterDirectoriesOnlyPickAppDirectories() {
        for (String cluster : List.of("clusters/primary", "clusters/burst")) {
            Path file = ReferenceRepository.path(cluster).resolve("kustomization.yaml");
            Manifest kustomization = Manifest.load(ReferenceRepository.read(file), cluster);
            assertThat((List<?>) kustomization.get("resources")).as(cluster)
                    .allSatisfy(r -> assertThat(r.toString()).startsWith("../../apps/"));
        }
    }
}
