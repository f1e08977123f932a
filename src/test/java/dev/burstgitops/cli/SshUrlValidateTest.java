package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} accepts exactly the Git URLs the controller starts with: an ssh URL with a
 * deploy key and known_hosts passes, one without is a problem at the line of {@code git.url}
 * (it used to pass validate and fail only at run time).
 */
class SshUrlValidateTest {

    private static final Path GOOD = Path.of("src/test/resources/validate/good");

    @TempDir
    Path repository;

    @Test
    void anSshUrlWithADeployKeyAndKnownHostsPasses() throws IOException {
        copyGood();
        setGit("  url: ssh://git@git.example.com/acme/fleet.git\n"
                + "  auth: { sshKeyFile: /etc/burst-gitops/ssh/id_ed25519, knownHostsFile: /etc/burst-gitops/ssh/known_hosts }\n");

        CommandRun run = CommandRun.of("validate", repository.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anSshUrlWithoutAKeyIsAProblemAtItsLine() throws IOException {
        copyGood();
        setGit("  url: ssh://git@git.example.com/acme/fleet.git\n");

        CommandRun run = CommandRun.of("validate", repository.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains("burst-gitops.yaml:3: git.url: an ssh URL needs git.auth.sshKeyFile and"
                + " git.auth.knownHostsFile");
    }

    private void setGit(String lines) throws IOException {
        Path config = repository.resolve("burst-gitops.yaml");
        String text = Files.readString(config);
        String original = "  url: https://git.example.com/acme/fleet.git\n";
        assertThat(text).contains(original);
        Files.writeString(config, text.replace(original, lines));
    }

    private void copyGood() throws IOException {
        try (Stream<Path> walk = Files.walk(GOOD)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = repository.resolve(GOOD.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // Overrides are checked against the real clock; this one belongs to the injected-clock tests.
        Files.deleteIfExists(repository.resolve("overrides/worker.yaml"));
    }
}
