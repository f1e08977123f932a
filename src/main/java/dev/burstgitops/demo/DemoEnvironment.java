package dev.burstgitops.demo;

import dev.burstgitops.bundled.BundledFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the demo's controller runs against, all on 127.0.0.1: two in-memory API servers,
 * the seeded repository, the traffic generator, the real Prometheus scraping it, and the
 * configuration file naming them all. Closing stops them in reverse order of start.
 */
final class DemoEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);
    static final String KUBECONFIGS = "kubeconfigs";
    /**
     * fabric8's mock server logs every request at INFO through java.util.logging: four lines a
     * second would drown the timeline. Held in a field because JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger MOCK_SERVER_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    final Path workDir;
    final boolean keep;
    final InMemoryCluster primary;
    final InMemoryCluster burst;
    final Path fleet;
    final TrafficGenerator traffic;
    final LocalPrometheus prometheus;
    final Path configFile;
    private final Deque<AutoCloseable> started;

    private DemoEnvironment(Path workDir, boolean keep, InMemoryCluster primary, InMemoryCluster burst, Path fleet,
                            TrafficGenerator traffic, LocalPrometheus prometheus, Path configFile,
                            Deque<AutoCloseable> started) {
        this.workDir = workDir;
        this.keep = keep;
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
     * @param weights the live VirtualService weights the traffic generator routes by
     */
    static DemoEnvironment start(Path prometheusBinary, DemoOptions options,
                                 Supplier<Optional<RouteWeights>> weights, Clock clock) {
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        Path workDir = DemoFiles.workDir(options.keep());
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            InMemoryCluster primary = track(started, InMemoryCluster.start());
            InMemoryCluster burst = track(started, InMemoryCluster.start());
            primary.writeKubeconfig(workDir.resolve(KUBECONFIGS).resolve("primary"), "primary");
            burst.writeKubeconfig(workDir.resolve(KUBECONFIGS).resolve("burst"), "burst");
            Path fleet = FleetRepository.seed(workDir.resolve("fleet.git"), BundledFiles.read(BundledFiles.REFERENCE));
            TrafficGenerator traffic = track(started, TrafficGenerator.serve(options.scenario(), weights, clock));
            LocalPrometheus prometheus = track(started, LocalPrometheus.start(prometheusBinary, traffic.target()));
            Path configFile = DemoConfigFile.write(workDir, fleet, prometheus.url(), options.scenario().timings(),
                    KUBECONFIGS);
            return new DemoEnvironment(workDir, options.keep().isPresent(), primary, burst, fleet, traffic,
                    prometheus, configFile, started);
        } catch (RuntimeException e) {
            closeAll(started);
            if (options.keep().isEmpty()) {
                DemoFiles.deleteRecursively(workDir);
            }
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
