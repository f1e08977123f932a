package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite (issue 11): an alias bomb once drove {@code run} to OutOfMemoryError in its
 * {@code sync-east} and {@code sync-git} threads, and the process stayed alive with
 * {@code /healthz} unanswered. Repository content is now refused before it can do that
 * ({@code HostileContentTest}, {@code HostileRepositoryFaultTest}); should the heap run out
 * anyway, every launch line the project ships makes the JVM exit, so that Kubernetes restarts it.
 * Each launch line's JVM options are read from the file and run on a process whose
 * {@code sync-east} thread exhausts a small heap: it exits. Without the option (the control) the
 * same process lives on with a dead thread, as in the fault.
 */
class OutOfMemoryFaultTest {

    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void theImagesEntrypointExitsWhenAThreadRunsOutOfHeap() throws Exception {
        List<String> options = jvmOptions(dockerfileLine("ENTRYPOINT "), "\"java\",", "\"-jar\"");

        assertThat(options).contains(EXIT_ON_OOM);
        assertExitsOnOutOfMemory(options, "entrypoint");
    }

    @Test
    void theImagesCommandLineWrapperExitsWhenAThreadRunsOutOfHeap() throws Exception {
        List<String> options = jvmOptions(dockerfileLine("RUN printf '#!/bin/sh\\nexec java"), "exec java ", " -jar ");

        assertThat(options).contains(EXIT_ON_OOM);
        assertExitsOnOutOfMemory(options, "wrapper");
    }

    @Test
    void theLauncherScriptExitsWhenAThreadRunsOutOfHeap() throws Exception {
        String exec = Files.readAllLines(Path.of("bin/burst-gitops")).stream()
                .filter(line -> line.startsWith("exec java ")).findFirst().orElseThrow();
        List<String> options = jvmOptions(exec.replace("${JAVA_OPTS:-}", ""), "exec java ", " -jar ");

        assertThat(options).contains(EXIT_ON_OOM);
        assertExitsOnOutOfMemory(options, "launcher");
    }

    @Test
    void withoutTheOptionTheProcessOutlivesItsDeadThreadAsInTheFault() throws Exception {
        Process process = hog(List.of(), "control");

        await().atMost(Duration.ofSeconds(60)).until(() -> output("control").contains("OutOfMemoryError"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(process::isAlive);
    }

    private void assertExitsOnOutOfMemory(List<String> options, String name) throws Exception {
        Process process = hog(options, name);

        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
        assertThat(process.exitValue()).as(output(name)).isNotZero();
        assertThat(output(name)).contains("Terminating due to java.lang.OutOfMemoryError");
        assertThat(output(name)).doesNotContain("still alive");
    }

    /** {@link HeapHog} with the launch line's options, on a 32 MiB heap. */
    private Process hog(List<String> options, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-Xmx32m", "-cp", System.getProperty("java.class.path"), HeapHog.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        started.add(process);
        return process;
    }

    private String output(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dockerfileLine(String prefix) throws IOException {
        return Files.readAllLines(Path.of("Dockerfile")).stream().filter(line -> line.startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no line starting " + prefix + " in the Dockerfile"));
    }

    /** The JVM options between {@code after} and {@code before} on a launch line, unquoted. */
    private static List<String> jvmOptions(String line, String after, String before) {
        int start = line.indexOf(after);
        int end = line.indexOf(before, start + after.length());
        assertThat(start).as(line).isNotNegative();
        assertThat(end).as(line).isGreaterThan(start);
        String between = line.substring(start + after.length(), end);
        List<String> options = new ArrayList<>();
        Matcher option = Pattern.compile("-[^\\s\",]+").matcher(between);
        while (option.find()) {
            options.add(option.group());
        }
        assertThat(options).as(between).isNotEmpty();
        return options;
    }

    /** A process like {@code run}: a {@code sync-east} thread exhausts the heap while the main thread serves on. */
    public static final class HeapHog {
        public static void main(String[] args) throws Exception {
            Thread hog = new Thread(() -> {
                List<byte[]> held = new ArrayList<>();
                while (true) {
                    held.add(new byte[1024 * 1024]);
                }
            }, "sync-east");
            hog.start();
            hog.join();
            System.out.println("sync-east died; the process is still alive " + Arrays.asList(args));
            System.out.flush();
            Object forever = new Object();
            synchronized (forever) {
                forever.wait();
            }
        }
    }
}
