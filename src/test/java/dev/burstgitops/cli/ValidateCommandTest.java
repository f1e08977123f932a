package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate [DIR]} through the real command line: what CI sees, and its exit code. */
class ValidateCommandTest {

    private static final Path FIXTURES = Path.of("src/test/resources/validate");

    @TempDir
    Path repository;

    @Test
    void printsEachProblemThenTheSummaryAndExitsOne() throws IOException {
        copy(FIXTURES.resolve("good"));
        copy(FIXTURES.resolve("weights-90-20"));
        // The command checks overrides against the real clock; this one belongs to the injected-clock tests.
        Files.delete(repository.resolve("overrides/worker.yaml"));

        CommandRun run = CommandRun.of("validate", repository.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out().lines()).containsExactly(
                "apps/istio/worker-virtualservice.yaml:10: VirtualService worker-virtual-service:"
                        + " route 0 weights add up to 110 (primary 90 + burst 20), not 100",
                "validate: 1 problem in 1 file");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validatesTheCurrentDirectoryByDefaultAndExitsZeroWhenClean() {
        // The project root is the reference layout, its configuration embedded in the controller's ConfigMap.
        CommandRun run = CommandRun.of("validate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).matches(
                "validate: ok \\(2 clusters, \\d+ objects, 1 policy from apps/burst-gitops/configmap.yaml\\)\\R");
    }

    @Test
    void aMisspeltKeyInAnEmbeddedConfigurationFailsAtTheConfigMapsLine() throws IOException {
        copy(FIXTURES.resolve("good"));
        copy(FIXTURES.resolve("embedded-config"));
        Files.delete(repository.resolve("burst-gitops.yaml"));
        Files.delete(repository.resolve("overrides/worker.yaml"));  // checked against the real clock here
        Path configMap = repository.resolve("apps/controller/configmap.yaml");
        Files.writeString(configMap, Files.readString(configMap).replace("exitBelow: 10", "exitBelow: 10\n        coolDown: 60s"));

        CommandRun run = CommandRun.of("validate", repository.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out().lines()).hasSize(2).first().asString()
                .startsWith("apps/controller/configmap.yaml:22: policies[0].coolDown: unknown key (known here: ");
    }

    @Test
    void aDirectoryThatDoesNotExistExitsTwo() {
        CommandRun run = CommandRun.of("validate", repository.resolve("missing").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("validate: " + repository.resolve("missing") + ": no such directory"
                + System.lineSeparator());
    }

    private void copy(Path fixture) throws IOException {
        try (Stream<Path> walk = Files.walk(fixture)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = repository.resolve(fixture.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
