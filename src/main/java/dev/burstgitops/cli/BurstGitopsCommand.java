package dev.burstgitops.cli;

import picocli.CommandLine.Command;

/** The top-level command; it only lists the subcommands. */
@Command(name = "burst-gitops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Bursts Istio traffic to a second cluster on a Prometheus metric, with Git as the change record.",
        subcommands = {DemoCommand.class, RunCommand.class, DecideCommand.class, SyncCommand.class,
                ValidateCommand.class, OverrideCommand.class, HistoryCommand.class, SimulateCommand.class,
                InitCommand.class, StatusCommand.class, CompletionCommand.class})
public final class BurstGitopsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
