package dev.burstgitops.testing;

import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Prometheus server (Debian package {@code prometheus}) on 127.0.0.1 and a free
 * port, holding deterministic counter series from an hour ago to ten minutes ahead, so that
 * an instant query for "now" answers at once and the same way every run.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.start(List.of(PrometheusCounterSeries.referenceWorker(20)))) {
 *     // query prometheus.uri() with PrometheusServer.REFERENCE_WORKER_QUERY: ~20 req/s
 * }
 * }</pre>
 */
public final class PrometheusServer implements AutoCloseable {

    /**
     * The codelab's burst-rule query (requests per second, frontend to worker, destination-reported
     * over 15 s), which {@link PrometheusCounterSeries#referenceWorker} answers. The reference layout
     * now measures source-reported over a minute ({@code DemoConfigFile.WORKER_QUERY}, and
     * {@code ReporterFlappingTest} for why); for tests of the Prometheus client either serves.
     */
    public static final String REFERENCE_WORKER_QUERY = "sum(rate(istio_requests_total{reporter=\"destination\","
            + "destination_service=\"worker-service.default.svc.cluster.local\","
            + "source_workload=\"frontend-deployment\"}[15s]))";

    /** The user {@link #startWithBasicAuth} lets in. */
    public static final String BASIC_AUTH_USERNAME = "burst-gitops";
    public static final String BASIC_AUTH_PASSWORD = "correct-horse-battery-staple";
    /**
     * bcrypt of {@link #BASIC_AUTH_PASSWORD}, as Prometheus' web config requires. Made once with
     * glibc/libxcrypt: {@code perl -e 'print crypt("correct-horse-battery-staple", "\$2b\$04\$burstgitopsfixturesalt")'};
     * cost 4 (the least) because Prometheus checks it on every request.
     */
    private static final String BASIC_AUTH_BCRYPT = "$2b$04$burstgitopsfixturesaleXUMqoIbyi9TwEPn6D29nFEzYEcRn2tq";

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static final HttpClient READINESS_CLIENT = HttpClient.newHttpClient();

    private final Path workDir;
    private final URI uri;
    private final Optional<String> authorization;
    private final Process process;
    private final Thread killOnExit;

    private PrometheusServer(Path workDir, URI uri, Optional<String> authorization, Process process) {
        this.workDir = workDir;
        this.uri = uri;
        this.authorization = authorization;
        this.process = process;
        // A test run that dies must not leave a Prometheus behind on the shared machine.
        this.killOnExit = new Thread(process::destroyForcibly, "prometheus-server-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts Prometheus, open to anyone, holding these series. */
    public static PrometheusServer start(List<PrometheusCounterSeries> series) {
        return start(series, false);
    }

    /** Starts Prometheus holding these gauges' histories (and nothing else), open to anyone. */
    public static PrometheusServer startWithHistory(List<PrometheusGaugeSeries> gauges) {
        Path workDir = createWorkDir();
        try {
            Path storage = Files.createDirectory(workDir.resolve("data"));
            PrometheusBackfill.writeGauges(gauges, storage, workDir);
            Files.writeString(workDir.resolve("prometheus.yml"), "global: {}\n");
            return launchOnAFreePort(PrometheusProcesses.binary("prometheus"), workDir, Optional.empty());
        } catch (IOException | RuntimeException e) {
            deleteRecursively(workDir);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Starts Prometheus that asks for {@link #BASIC_AUTH_USERNAME} / {@link #BASIC_AUTH_PASSWORD}. */
    public static PrometheusServer startWithBasicAuth(List<PrometheusCounterSeries> series) {
        return start(series, true);
    }

    /** {@code http://127.0.0.1:<port>}, the base URL of the HTTP API. */
    public URI uri() {
        return uri;
    }

    /** Stops the server, keeping its port and data: queries to {@link #uri()} then fail to connect. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran; nothing left to undo
        }
        deleteRecursively(workDir);
    }

    private static PrometheusServer start(List<PrometheusCounterSeries> series, boolean basicAuth) {
        Path prometheus = PrometheusProcesses.binary("prometheus");
        Path workDir = createWorkDir();
        try {
            Path storage = Files.createDirectory(workDir.resolve("data"));
            PrometheusBackfill.write(series, Instant.now(), storage, workDir);
            Files.writeString(workDir.resolve("prometheus.yml"), "global: {}\n");
            Optional<String> authorization = Optional.empty();
            if (basicAuth) {
                Files.writeString(workDir.resolve("web.yml"),
                        "basic_auth_users:\n  " + BASIC_AUTH_USERNAME + ": " + BASIC_AUTH_BCRYPT + "\n");
                authorization = Optional.of("Basic " + Base64.getEncoder().encodeToString(
                        (BASIC_AUTH_USERNAME + ":" + BASIC_AUTH_PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
            return launchOnAFreePort(prometheus, workDir, authorization);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(workDir);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The free port is only free until Prometheus binds it: another process may win, so retry. */
    private static PrometheusServer launchOnAFreePort(Path prometheus, Path workDir, Optional<String> authorization) {
        Path log = workDir.resolve("prometheus.log");
        for (int attempt = 1; ; attempt++) {
            URI uri = URI.create("http://127.0.0.1:" + LocalServers.freePort());
            Process process = PrometheusProcesses.launch(command(prometheus, workDir, uri), log);
            await("Prometheus at " + uri + " ready").atMost(READY_WITHIN).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || isReady(uri, authorization));
            if (process.isAlive()) {
                return new PrometheusServer(workDir, uri, authorization, process);
            }
            if (attempt == START_ATTEMPTS || !PrometheusProcesses.tail(log).contains("address already in use")) {
                throw new IllegalStateException("Prometheus exited with " + process.exitValue()
                        + " before it was ready" + PrometheusProcesses.tail(log));
            }
        }
    }

    private static List<String> command(Path prometheus, Path workDir, URI uri) {
        List<String> command = new ArrayList<>(List.of(prometheus.toString(),
                "--config.file=" + workDir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + workDir.resolve("data"),
                // Retention counts back from the newest block; keep every backfilled sample.
                "--storage.tsdb.retention.time=100y",
                "--web.listen-address=" + uri.getHost() + ":" + uri.getPort(),
                "--log.level=warn"));
        if (Files.exists(workDir.resolve("web.yml"))) {
            command.add("--web.config.file=" + workDir.resolve("web.yml"));
        }
        return command;
    }

    private static boolean isReady(URI uri, Optional<String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri.resolve("/-/ready")).timeout(Duration.ofSeconds(2));
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            return READINESS_CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("burst-gitops-prometheus-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return; // closed before
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
