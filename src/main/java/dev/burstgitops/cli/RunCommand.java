package dev.burstgitops.cli;

import dev.burstgitops.bundled.BuildInfo;
import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.Secret;
import dev.burstgitops.config.SecretRef;
import dev.burstgitops.config.ServerConfig;
import dev.burstgitops.controller.Controller;
import dev.burstgitops.controller.LeaderGate;
import dev.burstgitops.controller.Leadership;
import dev.burstgitops.controller.Observability;
import dev.burstgitops.server.ControllerHttpServer;
import dev.burstgitops.server.ServerInputs;
import dev.burstgitops.server.ServerSettings;
import dev.burstgitops.server.StatusWithBuild;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code run --config F}: both loops and the HTTP server, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the controller until SIGTERM; an in-flight commit or apply is finished before exit.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Mixin
    LogFormatOption logFormat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        logFormat.apply();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        BurstGitopsConfig loaded;
        Optional<Secret> webhookSecret;
        Controller controller;
        try {
            loaded = config.load();
            webhookSecret = read(loaded.server().webhookSecret());
            controller = Controller.create(loaded, clock);
        } catch (ConfigException e) {
            return ConfigOption.report(e, err);
        }
        Observability observability = new Observability(clock);
        BuildInfo build = BuildInfo.current();
        observability.metrics().buildInfo(build.version(), build.commit());
        ServerInputs inputs = new ServerInputs(observability.metrics(), observability.health(),
                observability.readiness(),
                new StatusWithBuild(controller.status()::snapshot, build.version(), build.commit()),
                (event, delivery) -> controller.syncLoop().trigger("webhook " + event + " " + delivery));
        CountDownLatch stop = stopOnSignal();
        AtomicBoolean lostLeadership = new AtomicBoolean();
        AtomicBoolean stopping = new AtomicBoolean();
        ServerConfig listen = loaded.server();
        try (ControllerHttpServer server = ControllerHttpServer.start(
                ServerSettings.of(listen.address(), listen.port(), listen.webhookPort(), webhookSecret), inputs)) {
            LeaderGate gate = Leadership.gate(loaded);
            try {
                // Loops, and the liveness that watches them, run only while this replica leads.
                gate.whileLeading(() -> {
                    observability.attach(loaded, controller);
                    controller.start();
                }, () -> {
                    // On the elector's thread: fence the loops now, the main thread closes them.
                    controller.halt();
                    lostLeadership.set(!stopping.get());
                    stop.countDown();
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
        if (lostLeadership.get()) {
            // Exit so that the pod restarts clean and campaigns again; a lost lease is not a clean stop.
            err.println("burst-gitops: lost the leader lease; stopped writing and exiting");
            return ExitCodes.PROBLEMS;
        }
        return ExitCodes.OK;
    }

    /**
     * SIGTERM and SIGINT end the wait instead of starting the JVM's shutdown, so the controller
     * stops in order and the process exits 0, as Kubernetes expects of a clean stop.
     */
    private static CountDownLatch stopOnSignal() {
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        return stop;
    }

    private static Optional<Secret> read(Optional<SecretRef> ref) throws ConfigException {
        return ref.isPresent() ? Optional.of(ref.get().read()) : Optional.empty();
    }
}
