package dev.burstgitops.cli;

import dev.burstgitops.bundled.BuildInfo;
import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.Secret;
import dev.burstgitops.config.SecretRef;
import dev.burstgitops.config.ServerConfig;
import dev.burstgitops.controller.Controller;
import dev.burstgitops.leader.LeaderGate;
import dev.burstgitops.leader.Leadership;
import dev.burstgitops.status.Observability;
import dev.burstgitops.server.ControllerHttpServer;
import dev.burstgitops.server.ServerInputs;
import dev.burstgitops.server.ServerSettings;
import dev.burstgitops.server.StatusWithBuild;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import dev.burstgitops.decision.DurationText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code run --config F}: both loops and the HTTP server, until SIGTERM. A changed config file
 * that is valid restarts them on it; one that is not is refused, and they go on with the last good one.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the controller until SIGTERM; an in-flight commit or apply is finished before exit.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOption config;

    @Mixin
    LogFormatOption logFormat;

    @Option(names = "--last-good-config", paramLabel = "FILE",
            description = "Where the last accepted config is kept, to start on when the file turns invalid"
                    + " (default: burst-gitops-last-good.yaml in the temp directory; in a pod, on an emptyDir).")
    Path lastGoodConfig;

    @Option(names = "--config-check-interval", defaultValue = "5s", paramLabel = "DURATION",
            description = "How often the config file is checked for changes (default ${DEFAULT-VALUE}).")
    String configCheckInterval;

    @Spec
    CommandSpec spec;

    /** Why one run of the loops ended. */
    private enum Ending { SIGNAL, LOST_LEADERSHIP, CONFIG_CHANGED }

    @Override
    public Integer call() throws Exception {
        logFormat.apply();
        PrintWriter err = spec.commandLine().getErr();
        ConfigState configState = new ConfigState(config.file,
                lastGoodConfig != null ? lastGoodConfig : ConfigState.defaultLastGood());
        BurstGitopsConfig loaded;
        try {
            loaded = configState.initial();
        } catch (ConfigException e) {
            return ConfigOption.report(e, err);
        }
        AtomicReference<CountDownLatch> currentStop = new AtomicReference<>(new CountDownLatch(1));
        AtomicReference<Ending> ending = new AtomicReference<>();
        stopOnSignal(() -> end(currentStop.get(), ending, Ending.SIGNAL));
        AtomicReference<BurstGitopsConfig> changed = new AtomicReference<>();
        try (ConfigWatcher watcher = new ConfigWatcher(configState, DurationText.parse(configCheckInterval),
                config -> {
                    changed.set(config);
                    end(currentStop.get(), ending, Ending.CONFIG_CHANGED);
                })) {
            watcher.start();
            while (true) {
                int exit = runUntilStopped(loaded, configState, currentStop.get(), ending, err);
                if (exit != RELOAD) {
                    return exit;
                }
                // The whole of it again on the new file: loops, server, lease. Like a restart, minus the JVM.
                loaded = changed.get();
                LOG.info("configuration changed: restarting the loops on it");
                ending.set(null);
                currentStop.set(new CountDownLatch(1));
            }
        }
    }

    private static final int RELOAD = -1;

    private static void end(CountDownLatch stop, AtomicReference<Ending> ending, Ending why) {
        ending.compareAndSet(null, why);
        stop.countDown();
    }

    private int runUntilStopped(BurstGitopsConfig loaded, ConfigState configState, CountDownLatch stop,
                                AtomicReference<Ending> ending, PrintWriter err) throws Exception {
        Clock clock = Clock.systemUTC();
        Optional<Secret> webhookSecret;
        Controller controller;
        try {
            webhookSecret = read(loaded.server().webhookSecret());
            controller = Controller.create(loaded, clock);
        } catch (ConfigException e) {
            return ConfigOption.report(e, err);
        }
        Observability observability = new Observability(clock);
        BuildInfo build = BuildInfo.current();
        observability.metrics().buildInfo(build.version(), build.commit());
        ConfigRejectedGauge.register(observability.metrics().registry(), configState);
        ServerInputs inputs = new ServerInputs(observability.metrics(), observability.health(),
                observability.readiness(),
                new StatusWithConfig(new StatusWithBuild(controller.status()::snapshot, build.version(),
                        build.commit()), configState),
                (event, delivery) -> controller.syncLoop().trigger("webhook " + event + " " + delivery));
        AtomicBoolean stopping = new AtomicBoolean();
        ServerConfig listen = loaded.server();
        try (ControllerHttpServer server = ControllerHttpServer.start(
                ServerSettings.of(listen.address(), listen.port(), listen.webhookPort(), webhookSecret), inputs)) {
            LeaderGate gate = Leadership.gate(loaded);
            try {
                // Loops, and the liveness that watches them, run only while this replica leads.
                gate.whileLeading(() -> {
                    controller.reportTo(observability);
                    controller.start(gate.lease());
                }, () -> {
                    // On the elector's thread: fence the loops now, the main thread closes them.
                    controller.halt();
                    if (!stopping.get()) {
                        end(stop, ending, Ending.LOST_LEADERSHIP);
                    }
                });
                stop.await();
                stopping.set(true);
            } finally {
                // Loops first: the lease is released only once nothing of this replica writes.
                controller.close();
                gate.close();
            }
        } catch (ConfigException e) {
            controller.close();
            return ConfigOption.report(e, err);
        }
        if (ending.get() == Ending.LOST_LEADERSHIP) {
            // Exit so that the pod restarts clean and campaigns again; a lost lease is not a clean stop.
            err.println("burst-gitops: lost the leader lease; stopped writing and exiting");
            return ExitCodes.PROBLEMS;
        }
        return ending.get() == Ending.CONFIG_CHANGED ? RELOAD : ExitCodes.OK;
    }

    /**
     * SIGTERM and SIGINT end the wait instead of starting the JVM's shutdown, so the controller
     * stops in order and the process exits 0, as Kubernetes expects of a clean stop.
     */
    private static void stopOnSignal(Runnable stop) {
        Signal.handle(new Signal("TERM"), signal -> stop.run());
        Signal.handle(new Signal("INT"), signal -> stop.run());
    }

    /** Read now (a missing one stops start-up) and again at each delivery, so a rotated Secret is used. */
    private static Optional<Secret> read(Optional<SecretRef> ref) throws ConfigException {
        return ref.isPresent() ? Optional.of(ref.get().readWhenUsed()) : Optional.empty();
    }
}
