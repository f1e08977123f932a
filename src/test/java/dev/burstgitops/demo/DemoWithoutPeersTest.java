package dev.burstgitops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code burst-gitops demo} on a machine where {@code bin/install-peers} has not run: one line
 * saying what is missing and what to run, exit 2, and no stack trace. In a JVM of its own, because
 * the peers' cache is found through an environment variable.
 */
class DemoWithoutPeersTest {

    @Test
    void namesTheMissingPeerAndTheCommandThatBuildsItInOneLine(@TempDir Path dir) throws Exception {
        Path emptyCache = Files.createDirectories(dir.resolve("cache"));
        ProcessBuilder demo = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.burstgitops.cli.Main", "demo"))
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        demo.environment().put("BURST_GITOPS_CACHE", emptyCache.toString());
        Process process = demo.start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stdout"))).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("stderr"))).singleElement().asString()
                .startsWith("burst-gitops demo: " + emptyCache)
                .contains("is missing: run " + PeerBinaries.INSTALL_COMMAND);
    }
}
