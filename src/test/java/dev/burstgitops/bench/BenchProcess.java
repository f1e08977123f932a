package dev.burstgitops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Child processes of a benchmark: the shaded jar as the image runs it, kubectl, and what
 * {@code /proc} says about them.
 */
final class BenchProcess {

    /** What one process run printed, how it ended and how long it took as a whole. */
    record Run(int exitCode, long nanos, String out, String err) {
        double millis() {
            return nanos / 1e6;
        }
    }

    private BenchProcess() {
    }

    /**
     * The shaded jar: {@code -Dbench.jar=...}, or {@code burst-gitops.jar} in the build directory
     * the test classes were compiled to (bin/benchmark packages it first).
     */
    static Path jar() {
        String configured = System.getProperty("bench.jar", "");
        Path jar;
        if (!configured.isEmpty()) {
            jar = Path.of(configured);
        } else {
            try {
                Path testClasses = Path.of(BenchProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                jar = testClasses.getParent().resolve("burst-gitops.jar");
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(jar).as("the shaded jar; run bin/benchmark (it packages first) or pass -Dbench.jar=")
                .isRegularFile();
        return jar.toAbsolutePath();
    }

    /** The java of the JDK running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code command} to its end (at most 10 minutes), its output to files in {@code logDir}; times the whole process. */
    static Run run(List<String> command, Path logDir, String name) {
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(name + ".out");
            Path err = logDir.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 10 minutes");
            }
            long nanos = System.nanoTime() - start;
            return new Run(process.exitValue(), nanos, Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code java <jvmFlags> -jar burst-gitops.jar <args>}. */
    static List<String> jarCommand(List<String> jvmFlags, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** The fields of {@code /proc/<pid>/status} (VmRSS, VmHWM, Threads, ...), values as printed ({@code 123456 kB}). */
    static Map<String, String> status(long pid) {
        Map<String, String> fields = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code kB} field of {@link #status}, in MiB. */
    static double mib(Map<String, String> status, String field) {
        String value = status.get(field);
        assertThat(value).as(field).isNotNull().endsWith(" kB");
        return Long.parseLong(value.substring(0, value.length() - 3).trim()) / 1024.0;
    }

    /** Runs {@code jcmd <pid> <command...>} and returns what it printed. */
    static String jcmd(long pid, String... command) {
        List<String> args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(Long.toString(pid));
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
