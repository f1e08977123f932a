package dev.burstgitops.demo;

import dev.burstgitops.decision.DurationText;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus server (Debian package {@code prometheus}) on 127.0.0.1, scraping one
 * target every second, with its storage in a directory of its own that {@link #close()} removes.
 */
public final class LocalPrometheus implements AutoCloseable {

    /** What to run when Prometheus is missing; {@code bin/demo} runs it for the user. */
    public static final String INSTALL_COMMAND = "sudo apt-get install -y --no-install-recommends prometheus";

    /** How often it scrapes the traffic generator: as often as the burst rule asks. */
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final URI url;
    private final Path dir;

    private LocalPrometheus(Process process, URI url, Path dir) {
        this.process = process;
        this.url = url;
        this.dir = dir;
    }

    /** The {@code prometheus} binary on the PATH (or in /usr/bin), if installed. */
    public static Optional<Path> findBinary() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, "prometheus");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts Prometheus scraping {@code target} (host:port, path /metrics) every {@link #SCRAPE_INTERVAL}. */
    public static LocalPrometheus start(Path binary, String target) {
        Path dir = createDir();
        try {
            Files.writeString(dir.resolve("prometheus.yml"), """
                    # Written by burst-gitops demo: scrape the traffic generator every second, as the
                    # reference setup's burst rule was checked every second.
                    global: { scrape_interval: %1$s, evaluation_interval: %1$s }
                    scrape_configs:
                      - job_name: demo-traffic
                        static_configs: [ { targets: ['%2$s'] } ]
                    """.formatted(DurationText.format(SCRAPE_INTERVAL), target));
            // Another process may take the free port before Prometheus binds it: try again.
            for (int attempt = 1; ; attempt++) {
                int port = FreePorts.pick();
                Process process = launch(binary, dir, port);
                URI url = URI.create("http://127.0.0.1:" + port);
                if (awaitReady(process, url)) {
                    return new LocalPrometheus(process, url, dir);
                }
                process.destroyForcibly();
                if (attempt == START_ATTEMPTS) {
                    throw new IllegalStateException("Prometheus did not become ready; its log:\n" + logTail(dir));
                }
            }
        } catch (IOException e) {
            DemoFiles.deleteRecursively(dir);
            throw new UncheckedIOException("cannot start Prometheus", e);
        } catch (RuntimeException e) {
            DemoFiles.deleteRecursively(dir);
            throw e;
        }
    }

    public URI url() {
        return url;
    }

    private static Process launch(Path binary, Path dir, int port) throws IOException {
        List<String> command = List.of(binary.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn");
        // A file, not a pipe: a pipe nobody reads fills up and blocks Prometheus.
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prometheus.log").toFile())).start();
    }

    private static boolean awaitReady(Process process, URI url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                HttpRequest ready = HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(1))
                        .build();
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            sleep(Duration.ofMillis(100));
        }
        return false;
    }

    private static String logTail(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("prometheus.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static Path createDir() {
        try {
            return Files.createTempDirectory("burst-gitops-demo-prometheus-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process and removes its storage: nothing of it outlives the demo. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        DemoFiles.deleteRecursively(dir);
    }
}
