package dev.burstgitops.demo;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.config.VirtualServiceConfig;
import dev.burstgitops.controller.Controller;
import dev.burstgitops.record.DecisionRecord;
import dev.burstgitops.record.DecisionTimeline;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.KubernetesClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@code burst-gitops demo}: start the environment, run the controller's two loops
 * against it while the traffic follows the scenario, then stop everything and tell what
 * happened, read back from Git. {@link #stop()} (Ctrl-C) ends the run early, the same way.
 */
public final class DemoRun {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(5);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<DemoEvent> events = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();

    /**
     * Runs the demo to the end of {@code options.duration()} or until {@link #stop()}.
     *
     * @param kubernetes the real etcd and kube-apiserver to run the two clusters on ({@link PeerBinaries#installed()})
     */
    public DemoResult run(DemoOptions options, Path prometheusBinary, PeerBinaries kubernetes, PrintWriter out)
            throws InterruptedException, IOException, GitException {
        try {
            return runUntilStopped(options, prometheusBinary, kubernetes, new DemoPrinter(out, options.json()));
        } finally {
            finished.countDown();
        }
    }

    /** The timeline so far, for a caller that watches the run from another thread. */
    public List<DemoEvent> eventsSoFar() {
        return List.copyOf(events);
    }

    /** Asks the run to end now, and waits (up to {@code limit}) until it has stopped and reported. */
    public void stop(Duration limit) throws InterruptedException {
        stopRequested.countDown();
        finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private DemoResult runUntilStopped(DemoOptions options, Path prometheusBinary, PeerBinaries kubernetes,
                                       DemoPrinter printer) throws InterruptedException, IOException, GitException {
        AtomicReference<VirtualServiceWatch> liveWeights = new AtomicReference<>();
        printer.starting(kubernetes);
        try (DemoEnvironment env = DemoEnvironment.start(prometheusBinary, kubernetes, options,
                () -> Optional.ofNullable(liveWeights.get()).flatMap(VirtualServiceWatch::current), clock)) {
            printer.introduction(env, options, prometheusBinary);
            BurstGitopsConfig config = load(env.configFile);
            DemoMeasurements measurements = new DemoMeasurements(DemoConfigFile.ENTER_ABOVE, DemoConfigFile.EXIT_BELOW);
            Optional<RouteWeights> finalWeights;
            try (KubernetesClient primary = KubernetesClients.connect(ClusterTarget.of("primary",
                    env.kubeconfig("primary").toString(), "primary", config.sync().inventoryNamespace()));
                 VirtualServiceWatch watch = new VirtualServiceWatch(primary, "default", "worker-virtual-service",
                         clock);
                 PrometheusRateWatch rateWatch = new PrometheusRateWatch(env.prometheus.url(), options.query(),
                         clock);
                 KubernetesClient burst = KubernetesClients.connect(ClusterTarget.of("burst",
                         env.kubeconfig("burst").toString(), "burst", config.sync().inventoryNamespace()))) {
                liveWeights.set(watch);
                Controller controller = create(config);
                ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
                KubeletStandIn kubelet = null;
                try {
                    DemoObserver observer = new DemoObserver(clock.instant(), clock, event -> {
                        events.add(event);
                        printer.event(event);
                    }, measurements, env.traffic, mode -> weightsOf(config, mode));
                    kubelet = new KubeletStandIn(burst, "default", "worker-deployment",
                            options.scenario().burstWorkerAvailableAfter(), clock, observer::standIn);
                    controller.burstLoop().onPass(observer::pass);
                    controller.burstLoop().onFailure(observer::passFailed);
                    controller.syncLoop().onClusterPass(observer::clusterPass);
                    watch.onChange(observer::weightsSeen);
                    rateWatch.onValue(observer::prometheusValue);
                    // All at "00:00": the scenario's clock is the timeline's clock.
                    controller.start();
                    watch.start();
                    kubelet.start();
                    env.traffic.startTraffic();
                    rateWatch.start();
                    ticker.scheduleAtFixedRate(() -> statusLine(observer), STATUS_EVERY.toMillis(),
                            STATUS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                    stopRequested.await(options.duration().toMillis(), TimeUnit.MILLISECONDS);
                } finally {
                    ticker.shutdownNow();
                    if (kubelet != null) {
                        kubelet.close();
                    }
                    controller.close(); // lets an in-flight commit or apply finish
                }
                finalWeights = watch.current();
            }
            List<DecisionRecord> history = DecisionTimeline.read(env.fleet, config.git().branch(), Optional.empty(),
                    Optional.empty());
            printer.history(history);
            RequestLedger ledger = env.traffic.ledger();
            DemoSummary summary = new DemoSummary(measurements.crossingToBurstCommit(),
                    measurements.fallToNaturalCommit(), measurements.commitToApplied(), ledger.requestsByCluster(),
                    ledger.resultsByPrefix(), finalWeights, history.size(), stopRequested.getCount() == 0);
            printer.summary(summary, options, env.workDir);
            return new DemoResult(events, history, summary);
        }
    }

    /** A scheduled task that throws is never run again: one bad line must not end the timeline. */
    private static void statusLine(DemoObserver observer) {
        try {
            observer.status();
        } catch (RuntimeException e) {
            LOG.warn("demo status line failed: {}", e.toString());
        }
    }

    private static BurstGitopsConfig load(Path configFile) {
        try {
            return ConfigLoader.load(configFile);
        } catch (ConfigException e) {
            throw new IllegalStateException("the demo wrote a configuration it cannot load: " + e.getMessage(), e);
        }
    }

    private Controller create(BurstGitopsConfig config) {
        try {
            return Controller.create(config, clock);
        } catch (ConfigException e) {
            throw new IllegalStateException("the demo's configuration does not start a controller: "
                    + e.getMessage(), e);
        }
    }

    private static RouteWeights weightsOf(BurstGitopsConfig config, Mode mode) {
        VirtualServiceConfig virtualService = config.policies().get(0).virtualService();
        var weights = virtualService.weightsFor(mode);
        return new RouteWeights(weights.get(virtualService.primarySubset()), weights.get(virtualService.burstSubset()));
    }
}
