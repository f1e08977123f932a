package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --version} names the Maven version in pom.xml and the commit the build read from this
 * checkout's HEAD ({@code git rev-parse HEAD}, run by pom.xml), so that an image or a jar found on a
 * machine can be traced to its source.
 */
class VersionOptionTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void printsThePomsVersionAndACommitOfThisCheckout() throws Exception {
        CommandRun run = CommandRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly("burst-gitops " + pomVersion(), "commit " + commit(run));
        String commit = commit(run);
        if (GitCli.tryRun(PROJECT, Map.of(), "rev-parse", "--git-dir").exitCode() != 0) {
            // A source tree without .git (an unpacked archive) builds a jar that says so.
            assertThat(commit).isEqualTo("unknown");
            return;
        }
        assertThat(commit).matches("[0-9a-f]{40}");
        // HEAD at build time: HEAD itself, or an ancestor once someone has committed since the build.
        assertThat(GitCli.tryRun(PROJECT, Map.of(), "merge-base", "--is-ancestor", commit, "HEAD").exitCode())
                .as("%s is HEAD or one of its ancestors", commit).isZero();
    }

    private static String commit(CommandRun run) {
        return run.out().lines().filter(line -> line.startsWith("commit ")).findFirst()
                .orElseThrow(() -> new AssertionError("no commit line in:\n" + run.out())).substring("commit ".length());
    }

    /** The project's own version: the first {@code <version>} after its artifactId. */
    private static String pomVersion() throws Exception {
        Matcher version = Pattern.compile("<artifactId>burst-gitops</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(PROJECT.resolve("pom.xml")));
        assertThat(version.find()).as("the project's version in pom.xml").isTrue();
        return version.group(1);
    }
}
