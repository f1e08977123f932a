package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.testing.ConfigYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed config file is taken only once two reads in a row find the same bytes. */
class ConfigStateTest {

    @TempDir
    Path dir;

    @Test
    void aHalfWrittenFileThatHappensToBeValidIsNotAppliedUntilItStopsChanging() throws Exception {
        Path file = dir.resolve("burst-gitops.yaml");
        Files.writeString(dir.resolve("primary.kubeconfig"), "{}");
        Files.writeString(dir.resolve("burst.kubeconfig"), "{}");
        String two = ConfigYaml.forRemote("https://git.example.com/fleet.git")
                .primary(dir.resolve("primary.kubeconfig")).burst(dir.resolve("burst.kubeconfig")).text();
        Files.writeString(file, two);
        ConfigState state = new ConfigState(file, dir.resolve("last-good.yaml"));
        assertThat(state.initial().clusters()).hasSize(2);

        // An editor writing in place: cut just before the second cluster, the file is still valid.
        String half = two.substring(0, two.indexOf("  - name: burst"));
        Files.writeString(file, half);
        assertThat(state.recheck()).as("read once: not yet").isEmpty();
        Files.writeString(file, two.replace("name: burst", "name: burst").concat("# saved\n"));
        assertThat(state.recheck()).as("changed again: still not").isEmpty();

        Optional<BurstGitopsConfig> stable = state.recheck();
        assertThat(stable).as("the same bytes twice: taken").isPresent();
        assertThat(stable.get().clusters()).extracting(ClusterConfig::name).containsExactly("primary", "burst");
        assertThat(state.recheck()).as("unchanged since taken").isEmpty();
    }
}
