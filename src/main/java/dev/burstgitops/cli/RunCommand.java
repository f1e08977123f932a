package dev.burstgitops.cli;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.Secret;
import dev.burstgitops.config.SecretRef;
import dev.burstgitops.controller.Controller;
import dev.burstgitops.controller.Observability;
import dev.burstgitops.server.ControllerHttpServer;
import dev.burstgitops.server.ServerInputs;
import dev.burstgitops.server.ServerSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
        observability.attach(loaded, controller);
        ServerInputs inputs = new ServerInputs(observability.metrics(), observability.health(),
                observability.readiness(), controller.status()::snapshot,
                (event, delivery) -> controller.syncLoop().trigger("webhook " + event + " " + delivery));
        CountDownLatch stop = stopOnSignal();
        try (ControllerHttpServer server = ControllerHttpServer.start(
                ServerSettings.of("0.0.0.0", loaded.server().port(), webhookSecret), inputs)) {
            controller.start();
            stop.await();
        } finally {
            // Finishes the commit or apply in flight, then releases the clients.
            controller.close();
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
