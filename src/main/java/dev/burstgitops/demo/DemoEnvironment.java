package dev.burstgitops.demo;

import dev.burstgitops.bundled.BundledFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the demo's controller runs against, all on 127.0.0.1: a real etcd and two real
 * kube-apiservers on it (one per cluster, each under a key prefix of its own), the seeded
 * repository, the traffic generator, the real Prometheus scraping it, and the configuration file
 * naming them all. Every file of theirs is below the work directory, so {@code --keep} keeps the
 * peers' logs too. Closing stops them in reverse order of start: the API servers before etcd.
 */
final class DemoEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);
    static final String KUBECONFIGS = "kubeconfigs";
    static final String ETCD = "etcd";
    static final String API_SERVERS = "apiservers";

    final Path workDir;
    final boolean keep;
    final PeerBinaries kubernetes;
    final LocalEtcd etcd;
    final LocalApiServer primary;
    final LocalApiServer burst;
    final Path fleet;
    final TrafficGenerator traffic;
    final LocalPrometheus prometheus;
    final Path configFile;
    private final Deque<AutoCloseable> started;

    private DemoEnvironment(Path workDir, boolean keep, PeerBinaries kubernetes, LocalEtcd etcd,
                            LocalApiServer primary, LocalApiServer burst, Path fleet, TrafficGenerator traffic,
                            LocalPrometheus prometheus, Path configFile, Deque<AutoCloseable> started) {
        this.workDir = workDir;
        this.keep = keep;
        this.kubernetes = kubernetes;
        this.etcd = etcd;
        this.primary = primary;
        this.burst = burst;
        this.fleet = fleet;
        this.traffic = traffic;
        this.prometheus = prometheus;
        this.configFile = configFile;
        this.started = started;
    }

    /**
     * Starts every peer; on a failure the ones already started are stopped again.
     *
     * @param kubernetes the etcd and kube-apiserver binaries {@code bin/install-peers} built
     * @param weights    the live VirtualService weights the traffic generator routes by
     */
    static DemoEnvironment start(Path prometheusBinary, PeerBinaries kubernetes, DemoOptions options,
                                 Supplier<Optional<RouteWeights>> weights, Clock clock) {
        Path workDir = DemoFiles.workDir(options.keep());
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            // Prometheus first: its service discovery hands a new target to the scrapers only after
            // about 5 s, and that wait passes while the API servers start, so that the query has
            // data from 00:00 rather than several seconds into the scenario.
            TrafficGenerator traffic = track(started, TrafficGenerator.serve(options.scenario(), weights, clock));
            LocalPrometheus prometheus = track(started, LocalPrometheus.start(prometheusBinary, traffic.target()));
            LocalEtcd etcd = track(started, LocalEtcd.start(kubernetes, workDir.resolve(ETCD)));
            List<LocalApiServer> servers = startSideBySide(started, List.of(
                    () -> apiServer(kubernetes, etcd, workDir, "primary"),
                    () -> apiServer(kubernetes, etcd, workDir, "burst")));
            LocalApiServer primary = servers.get(0);
            LocalApiServer burst = servers.get(1);
            Path fleet = FleetRepository.seed(workDir.resolve("fleet.git"), BundledFiles.read(BundledFiles.REFERENCE));
            Path configFile = DemoConfigFile.write(workDir, fleet, prometheus.url(), options.query(),
                    options.scenario().timings(), KUBECONFIGS);
            return new DemoEnvironment(workDir, options.keep().isPresent(), kubernetes, etcd, primary, burst, fleet,
                    traffic, prometheus, configFile, started);
        } catch (RuntimeException e) {
            closeAll(started);
            if (options.keep().isEmpty()) {
                DemoFiles.deleteRecursively(workDir);
            }
            throw e;
        }
    }

    /**
     * Runs the starts at the same time: on 2 cores the two API servers were ready in 6.5 s side by
     * side, against 11 s one after the other, and a person waits for this before anything shows.
     * Waits for every start, even when interrupted (a process left starting would outlive the
     * demo), and tracks each that succeeded, so that a failure of another stops it again. Fails
     * with the first failure.
     */
    private static <T extends AutoCloseable> List<T> startSideBySide(Deque<AutoCloseable> started,
                                                                     List<Supplier<T>> starts) {
        ExecutorService threads = Executors.newFixedThreadPool(starts.size());
        List<CompletableFuture<T>> starting =
                starts.stream().map(start -> CompletableFuture.supplyAsync(start, threads)).toList();
        threads.shutdown();
        List<T> running = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<T> future : starting) {
            try {
                running.add(track(started, future.join()));
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return running;
    }

    /** One cluster: its server's files in {@code apiservers/<name>}, its kubeconfig in {@code kubeconfigs/<name>}. */
    private static LocalApiServer apiServer(PeerBinaries kubernetes, LocalEtcd etcd, Path workDir, String name) {
        LocalApiServer server = LocalApiServer.start(kubernetes, etcd, workDir.resolve(API_SERVERS).resolve(name), name);
        try {
            server.writeKubeconfig(workDir.resolve(KUBECONFIGS).resolve(name), name);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    Path kubeconfig(String cluster) {
        return workDir.resolve(KUBECONFIGS).resolve(cluster);
    }

    private static <T extends AutoCloseable> T track(Deque<AutoCloseable> started, T resource) {
        started.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("stopping {}: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Stops every peer; removes the work directory unless it was asked to be kept. */
    @Override
    public void close() {
        closeAll(started);
        if (!keep) {
            DemoFiles.deleteRecursively(workDir);
        }
    }
}
