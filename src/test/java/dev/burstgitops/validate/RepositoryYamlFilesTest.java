package dev.burstgitops.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files the repository-wide VirtualService check reads, and which it knows to leave out. */
class RepositoryYamlFilesTest {

    @TempDir
    Path root;

    @Test
    void everyYamlFileOfTheTreeIsReadWhereverTheLayoutKeepsIt() throws IOException {
        write("mesh/worker-virtualservice.yaml", "apps/istio/gateway.yml", "clusters/primary/extra.yaml",
                "platform/teams/a/routes.yaml", "root.yaml", "mesh/README.md");

        assertThat(RepositoryYamlFiles.of(root)).containsExactly("apps/istio/gateway.yml",
                "clusters/primary/extra.yaml", "mesh/worker-virtualservice.yaml", "platform/teams/a/routes.yaml",
                "root.yaml");
    }

    @Test
    void toolingControllerFilesCodeTreesAndTreesOfTheirOwnAreLeftOut() throws IOException {
        write("mesh/vs.yaml",
                // dot-directories and dot-files: Git, CI, editors
                ".git/config.yaml", ".github/workflows/validate.yaml", ".tekton/pipeline.yaml", ".gitlab-ci.yml",
                // read by the controller or the renderer, never applied
                "burst-gitops.yaml", "overrides/worker.yaml", "mesh/kustomization.yaml", "mesh/kustomization.yml",
                // a code repository's build and source trees, at the root
                "src/test/resources/validate/weights.yaml", "target/classes/demo.yaml", "build/out.yaml",
                "node_modules/pkg/x.yaml", "vendor/mod/x.yaml", "testdata/x.yaml",
                // trees of their own: another layout, a nested checkout, a Helm chart
                "gitops-repo-template/burst-gitops.yaml", "gitops-repo-template/apps/vs.yaml",
                "nested/.git/HEAD", "nested/apps/vs.yaml",
                "charts/worker/Chart.yaml", "charts/worker/templates/vs.yaml");

        assertThat(RepositoryYamlFiles.of(root)).containsExactly("mesh/vs.yaml");
    }

    @Test
    void codeTreeNamesAreOnlyLeftOutAtTheRootWhereACodeRepositoryKeepsThem() throws IOException {
        write("apps/build/virtualservice.yaml", "mesh/overrides/vs.yaml", "src/vs.yaml");

        assertThat(RepositoryYamlFiles.of(root)).containsExactly("apps/build/virtualservice.yaml",
                "mesh/overrides/vs.yaml");
    }

    private void write(String... files) throws IOException {
        for (String file : files) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "a: 1\n");
        }
    }
}
