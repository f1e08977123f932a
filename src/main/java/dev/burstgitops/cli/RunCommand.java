package dev.burstgitops.cli;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.controller.Adapters;
import dev.burstgitops.controller.BurstLoop;
import dev.burstgitops.controller.BurstScheduler;
import dev.burstgitops.gitops.JGitWorkspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run --config F}: the loops until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the controller until SIGTERM; an in-flight commit is finished before exit.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        BurstGitopsConfig loaded;
        try {
            loaded = config.load();
        } catch (ConfigException e) {
            return ConfigOption.report(e, err);
        }
        Clock clock = Clock.systemUTC();
        CountDownLatch stopped = new CountDownLatch(1);
        try (JGitWorkspace workspace = Adapters.workspace(loaded, clock);
             BurstScheduler scheduler = new BurstScheduler()) {
            scheduler.start(BurstLoop.create(loaded, Adapters.prometheus(loaded), workspace, clock),
                    loaded.policies());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                scheduler.close();
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return ExitCodes.OK;
        } catch (ConfigException e) {
            return ConfigOption.report(e, err);
        }
    }
}
