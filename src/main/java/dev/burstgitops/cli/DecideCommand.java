package dev.burstgitops.cli;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.controller.Adapters;
import dev.burstgitops.controller.BurstLoop;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.controller.PolicyPass;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.manifest.ManifestException;
import dev.burstgitops.metrics.MetricsHistory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code decide --config F --once [--dry-run] [-o json]}: one burst-loop pass for every policy. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Run one burst-loop pass for every policy: query, decide, commit.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (committed, or nothing to do)", "2:configuration error",
                "3:a metric query failed (nothing committed for that policy)", "4:Git failed"})
final class DecideCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Mixin
    OutputFormat output;

    @Option(names = "--once", required = true, description = "Run one pass and exit (the loop is 'run').")
    boolean once;

    @Option(names = "--dry-run", description = "Decide on the latest head and print the commit it would make;"
            + " commit and push nothing.")
    boolean dryRun;

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
            Optional<MetricsHistory> past = Optional.of(Adapters.prometheusHistory(loaded));
            try (BurstLoop loop = dryRun
                    ? BurstLoop.dryRun(loaded, Adapters.prometheus(loaded), past, workspace, clock)
                    : BurstLoop.create(loaded, Adapters.prometheus(loaded), past, workspace, clock)) {
                int exit = ExitCodes.OK;
                List<Map<String, Object>> documents = new ArrayList<>();
                for (PolicyPass pass : loop.passes()) {
                    exit = Math.max(exit, runPass(pass, out, err, documents));
                }
                if (output.json()) {
                    OutputFormat.print(documents, out);
                }
                return exit;
            }
        } catch (ConfigException e) {
            return ConfigOption.report(e, err);
        }
    }

    private int runPass(PolicyPass pass, PrintWriter out, PrintWriter err, List<Map<String, Object>> documents) {
        try {
            PassResult result = pass.run();
            if (output.json()) {
                documents.add(PassResultJson.of(result, dryRun));
            } else {
                out.println(result.summary());
            }
            return result.queryFailed() ? ExitCodes.METRICS : ExitCodes.OK;
        } catch (GitException e) {
            return failed(pass, "Git failed: " + e.getMessage(), err, documents, ExitCodes.GIT);
        } catch (ManifestException e) {
            return failed(pass, e.getMessage(), err, documents, ExitCodes.CONFIG);
        }
    }

    private int failed(PolicyPass pass, String message, PrintWriter err, List<Map<String, Object>> documents,
                       int exit) {
        err.println(pass.policyName() + ": " + message);
        if (output.json()) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("policy", pass.policyName());
            failure.put("error", message);
            documents.add(failure);
        }
        return exit;
    }
}
