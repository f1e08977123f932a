package dev.burstgitops.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.RepositoryLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutFilesTest {

    @TempDir
    Path root;

    @Test
    void onlyTheLayoutDirectoriesAndTheRootAreReadAndDotDirectoriesAreSkipped() throws IOException {
        for (String file : new String[] {"burst-gitops.yaml", ".gitlab-ci.yml", "README.md", "apps/a/x.yaml",
                "apps/a/notes.txt", "apps/.hidden/y.yaml", "clusters/primary/kustomization.yml", "overrides/worker.yaml",
                "src/test/resources/fixture.yaml", ".tekton/task.yaml"}) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "a: 1\n");
        }

        assertThat(LayoutFiles.yamlFiles(root)).containsExactly(".gitlab-ci.yml", "apps/a/x.yaml", "burst-gitops.yaml",
                "clusters/primary/kustomization.yml", "overrides/worker.yaml");
    }

    @Test
    void aWellFormedFileThatIsNoKubernetesObjectIsNoProblemButBrokenSyntaxAnywhereInTheLayoutIs() throws IOException {
        Files.createDirectories(root.resolve("apps"));
        Files.writeString(root.resolve("apps/kustomization.yaml"), "resources:\n  - a.yaml\n");
        Files.writeString(root.resolve("apps/list.yaml"), "- one\n- two\n");
        Files.writeString(root.resolve("mkdocs.yml"), "site_name: x\n---\nnav: [a\n");

        RepositoryYaml layout = RepositoryYaml.read(root.toRealPath(), YamlFiles.of(root.toRealPath()),
                RepositoryLimits.DEFAULTS);

        assertThat(layout.problems()).extracting(ValidationProblem::toString).containsExactly(
                "mkdocs.yml:4: invalid YAML: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence started at line 3)");
        assertThat(layout.unparsable()).containsExactly("mkdocs.yml");
    }

    @Test
    void outsideTheLayoutBrokenSyntaxIsAProblemOnlyInAFileThatDeclaresAVirtualServiceOrDestinationRule()
            throws IOException {
        Files.createDirectories(root.resolve("mesh"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("mesh/worker.yaml"), """
                apiVersion: networking.istio.io/v1
                kind: "VirtualService"   # quoted, with a comment: still a declaration
                metadata: {name: worker
                """);
        Files.writeString(root.resolve("docs/site.yml"), "site_name: {{ name }} runbook\nnav: [a\n");

        RepositoryYaml yaml = RepositoryYaml.read(root.toRealPath(), YamlFiles.of(root.toRealPath()),
                RepositoryLimits.DEFAULTS);

        assertThat(yaml.problems()).extracting(ValidationProblem::toString).singleElement().asString()
                .startsWith("mesh/worker.yaml:4: invalid YAML: ");
        assertThat(yaml.unparsable()).containsExactly("mesh/worker.yaml");
    }
}
