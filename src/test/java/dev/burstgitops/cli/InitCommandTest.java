package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.manifest.ClusterRendering;
import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.manifest.RenderResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheTemplateWithTheNamesPutInAndItRendersForEveryCluster() throws Exception {
        Path repo = dir.resolve("fleet");

        CommandRun run = CommandRun.of("init", repo.toString(), "--service", "checkout", "--namespace", "shop");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(repo.resolve("apps/checkout/istio/virtualservice.yaml")).exists();
        assertThat(repo.resolve(".tekton/validate-task.yaml")).exists();
        assertThat(Files.readString(repo.resolve("burst-gitops.yaml"))).contains("checkout").doesNotContain("__");
        BurstGitopsConfig config = ConfigLoader.load(repo.resolve("burst-gitops.yaml"));
        for (ClusterConfig cluster : config.clusters()) {
            RenderResult rendered = ClusterRendering.render(repo, cluster);
            assertThat(rendered.problems()).as(cluster.name()).isEmpty();
            assertThat(rendered.objects()).isNotEmpty();
        }
    }

    @Test
    void refusesToOverwriteAndWritesNothingWhenAFileExists() throws Exception {
        Path repo = dir.resolve("fleet");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("burst-gitops.yaml"), "mine\n");

        CommandRun run = CommandRun.of("init", repo.toString(), "--service", "checkout");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("not written, these files exist already: burst-gitops.yaml");
        assertThat(Files.readString(repo.resolve("burst-gitops.yaml"))).isEqualTo("mine\n");
        assertThat(repo.resolve("apps")).doesNotExist();
    }

    @Test
    void refusesANameThatCannotNameKubernetesObjects() {
        CommandRun run = CommandRun.of("init", dir.resolve("x").toString(), "--service", "Check_Out");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("--service must be a DNS label");
    }
}
