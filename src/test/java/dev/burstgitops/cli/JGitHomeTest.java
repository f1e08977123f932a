package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.GitRemotes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's user has the home {@code /nonexistent}, which JGit takes from {@code user.home};
 * its first Git operation then logged an ERROR with a stack trace, failing to save what it measured
 * of the file system. The command line points JGit at a writable home first. Here {@code user.home}
 * lies below a regular file, so that not even root can create it, as in the image.
 */
class JGitHomeTest {

    @TempDir
    Path dir;

    @Test
    void aCommandThatClonesLogsNoErrorWhenUserHomeCannotBeCreatedAndJGitKeepsItsMeasurementsInHome()
            throws Exception {
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of("README.md", "fleet\n"));
        Path config = Files.writeString(dir.resolve("burst-gitops.yaml"),
                "git:\n  url: '" + remote.toUri() + "'\n  checkoutDir: checkout\n");
        Path home = Files.createDirectory(dir.resolve("home"));

        Result run = java(home, Main.class, "history", "--config", config.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        try (var entries = Files.list(dir)) {
            // The working copy is checkoutDir or a sibling named after it: either way JGit cloned.
            assertThat(entries.filter(p -> p.getFileName().toString().startsWith("checkout")))
                    .as("a clone next to the configuration").anyMatch(p -> Files.isDirectory(p.resolve(".git")));
        }
        assertThat(run.output()).doesNotContain("ERROR").doesNotContain("\tat org.eclipse.jgit");
        // JGit measured the file system and saved it under HOME, so the next process need not measure again.
        assertThat(home.resolve(".config/jgit/config")).isRegularFile();
    }

    @Test
    void withoutItJGitLogsTheErrorThisGuardsAgainst() throws Exception {
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of("README.md", "fleet\n"));

        Result run = java(Files.createDirectory(dir.resolve("home")), CloneWithoutHome.class,
                remote.toUri().toString(), dir.resolve("checkout").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("ERROR").contains("\tat org.eclipse.jgit");
    }

    @Test
    void keepsAWritableUserHomeAndOtherwisePrefersHomeToTheTempDirectory() throws IOException {
        String writable = Files.createDirectory(dir.resolve("writable")).toString();
        String missing = dir.resolve("file/home").toString();
        String tmp = Files.createDirectory(dir.resolve("tmp")).toString();
        Files.writeString(dir.resolve("file"), "");

        assertThat(JGitHome.choose(writable, missing, tmp)).isEmpty();
        assertThat(JGitHome.choose(missing, writable, tmp)).contains(Path.of(writable));
        assertThat(JGitHome.choose(missing, missing, tmp)).contains(Path.of(tmp));
        assertThat(JGitHome.choose(missing, null, tmp)).contains(Path.of(tmp));
        assertThat(JGitHome.choose("?", "", tmp)).contains(Path.of(tmp));
    }

    /** Runs {@code main} on this classpath with an uncreatable {@code user.home} and {@code HOME=home}. */
    private Result java(Path home, Class<?> main, String... args) throws Exception {
        Path file = dir.resolve("not-a-directory");
        Files.writeString(file, "");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + file.resolve("home"), "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(main.getSimpleName() + ".log").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " did not finish in 2 minutes");
        }
        return new Result(process.exitValue(),
                Files.readString(dir.resolve(main.getSimpleName() + ".log"), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }

    /** The control: a clone through JGit with nothing done about its home, as before the fix. */
    public static final class CloneWithoutHome {
        public static void main(String[] args) throws Exception {
            try (Git git = Git.cloneRepository().setURI(args[0]).setDirectory(Path.of(args[1]).toFile()).call()) {
                System.out.println("cloned " + git.getRepository().getDirectory());
            }
        }
    }
}
