package dev.burstgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubectlKustomizeEngineTest {

    private final ClusterRenderer renderer = new ClusterRenderer();
    private final RenderOptions kustomize = RenderOptions.kustomize(ClusterPolicy.unrestricted("primary"));

    @Test
    void locatesObjectsByTheirDocumentAndLineInTheKustomizeOutput() {
        assumeThat(KustomizeParityTest.KubectlCommand.available()).isTrue();

        RenderResult result = renderer.render(RenderFixtures.repo("nested"), "clusters/burst", kustomize);

        assertThat(result.problems()).isEmpty();
        assertThat(result.objects()).extracting(object -> object.source().toString()).containsExactly(
                "clusters/burst/kustomization.yml (kustomize output, document 1):1",
                "clusters/burst/kustomization.yml (kustomize output, document 2):12");
    }

    @Test
    void rendersWhatTheBuiltinSubsetRefusesSuchAsPatches() {
        assumeThat(KustomizeParityTest.KubectlCommand.available()).isTrue();

        RenderResult result = renderer.render(RenderFixtures.repo("unsupported"), "clusters/primary", kustomize);

        // The patch targets a Deployment the kustomization does not have: kustomize's own error, captured.
        assertThat(result.objects()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .startsWith("clusters/primary/kustomization.yaml: kubectl kustomize failed (exit 1): ")
                .contains("worker-deployment");
    }

    @Test
    void stopsAKustomizeThatRunsPastItsTimeout(@TempDir Path temp) throws Exception {
        Path slowKubectl = executable(temp.resolve("kubectl"), "#!/bin/sh\nexec sleep 30\n");

        RenderResult result = renderer.render(RenderFixtures.repo("nested"), "clusters/burst",
                kustomize.withKubectl(slowKubectl.toString(), Duration.ofMillis(300)));

        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/burst/kustomization.yml: kubectl kustomize did not finish within 300 ms");
    }

    @Test
    void capturesWhatAFailingKustomizeWritesToStandardError(@TempDir Path temp) throws Exception {
        Path failingKubectl = executable(temp.resolve("kubectl"), "#!/bin/sh\necho \"error: $1 $2 is broken\" >&2\nexit 3\n");

        RenderResult result = renderer.render(RenderFixtures.repo("nested"), "clusters/burst",
                kustomize.withKubectl(failingKubectl.toString(), Duration.ofSeconds(30)));

        assertThat(result.problems()).singleElement().asString().startsWith(
                "clusters/burst/kustomization.yml: kubectl kustomize failed (exit 3): error: kustomize ")
                .endsWith("clusters/burst is broken");
    }

    @Test
    void reportsAMissingKubectlAsAProblem(@TempDir Path temp) {
        RenderResult result = renderer.render(RenderFixtures.repo("nested"), "clusters/burst",
                kustomize.withKubectl(temp.resolve("no-such-kubectl").toString(), Duration.ofSeconds(5)));

        assertThat(result.problems()).singleElement().asString().startsWith("clusters/burst/kustomization.yml: cannot run ");
    }

    @Test
    void rendersADirectoryWithoutAKustomizationAsPlainFiles() {
        RenderResult viaKustomize = renderer.render(RenderFixtures.repo("plain"), "clusters/primary", kustomize);
        RenderResult builtin = renderer.render(RenderFixtures.repo("plain"), "clusters/primary",
                RenderOptions.builtin(ClusterPolicy.unrestricted("primary")));

        assertThat(viaKustomize).isEqualTo(builtin);
    }

    private static Path executable(Path file, String script) throws Exception {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
