package dev.burstgitops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} command line, isolated from the machine's and the user's git config
 * so that tests behave the same everywhere. Fails the test with git's stderr when git fails.
 */
public final class GitCli {

    private static final long TIMEOUT_SECONDS = 60;

    private GitCli() {
    }

    /** Runs {@code git args...} in {@code dir} and returns its standard output. */
    public static String run(Path dir, String... args) {
        return run(dir, Map.of(), args);
    }

    /** As {@link #run(Path, String...)}, with extra environment variables (author, dates). */
    public static String run(Path dir, Map<String, String> env, String... args) {
        Result result = tryRun(dir, env, args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " in " + dir
                    + " exited " + result.exitCode() + ": " + result.stderr());
        }
        return result.stdout();
    }

    /** The exit code and output of git, for tests that expect it to fail. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Result tryRun(Path dir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Path stderrFile = null;
        try {
            stderrFile = Files.createTempFile("git-stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectError(stderrFile.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(key -> key.startsWith("GIT_"));
            environment.put("GIT_CONFIG_NOSYSTEM", "1");
            environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
            environment.put("GIT_TERMINAL_PROMPT", "0");
            environment.putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("git " + String.join(" ", args) + " did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), stdout, Files.readString(stderrFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running git", e);
        } finally {
            deleteQuietly(stderrFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
