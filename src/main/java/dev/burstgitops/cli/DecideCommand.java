package dev.burstgitops.cli;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.controller.Adapters;
import dev.burstgitops.controller.BurstLoop;
import dev.burstgitops.controller.PassResult;
import dev.burstgitops.controller.PolicyPass;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.manifest.ManifestException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code decide --config F --once}: one burst-loop pass for every policy. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Run one burst-loop pass for every policy: query, decide, commit.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (committed, or nothing to do)", "2:configuration error",
                "3:a metric query failed (nothing committed for that policy)", "4:Git failed"})
final class DecideCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--once", required = true, description = "Run one pass and exit (the loop is 'run').")
    boolean once;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BurstGitopsConfig loaded;
        try {
            loaded = config.load();
        } catch (ConfigException e) {
            return ConfigOption.report(e, err);
        }
        if (loaded.policies().isEmpty()) {
            err.println(config.file + ": no policies to decide");
            return ExitCodes.CONFIG;
        }
        Clock clock = Clock.systemUTC();
        // A working copy of its own, so that a one-off pass never resets a running loop's tree.
        try (JGitWorkspace workspace = Adapters.workspace(loaded, clock, "-decide")) {
            // Its one poll carries on the streak of the past window, read from Prometheus' history.
            try (BurstLoop loop = BurstLoop.create(loaded, Adapters.prometheus(loaded),
                    Optional.of(Adapters.prometheusHistory(loaded)), workspace, clock)) {
                int exit = ExitCodes.OK;
                for (PolicyPass pass : loop.passes()) {
                    exit = Math.max(exit, runPass(pass, out, err));
                }
                return exit;
            }
        } catch (ConfigException e) {
            return ConfigOption.report(e, err);
        }
    }

    private static int runPass(PolicyPass pass, PrintWriter out, PrintWriter err) {
        try {
            PassResult result = pass.run();
            out.println(result.summary());
            return result.queryFailed() ? ExitCodes.METRICS : ExitCodes.OK;
        } catch (GitException e) {
            err.println(pass.policyName() + ": Git failed: " + e.getMessage());
            return ExitCodes.GIT;
        } catch (ManifestException e) {
            err.println(pass.policyName() + ": " + e.getMessage());
            return ExitCodes.CONFIG;
        }
    }
}
