package dev.burstgitops.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds and runs the binaries of the Debian {@code prometheus} package for the test fixture. */
final class PrometheusProcesses {

    static final String INSTALL_HINT = "apt-get install -y --no-install-recommends prometheus";

    private PrometheusProcesses() {
    }

    /** {@code prometheus} or {@code promtool} on the PATH; both come with the same package. */
    static Path binary(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " not found: " + INSTALL_HINT);
    }

    /** Output goes to a file, not a pipe, so that a chatty process can never block on a full pipe. */
    static Process launch(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    static void runToCompletion(List<String> command, Path log, Duration limit) {
        Process process = launch(command, log);
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + limit + tail(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + tail(log));
        }
    }

    /** The last lines of a process log, for a failure message that explains itself. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- " + log + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return " (no log at " + log + ")";
        }
    }
}
