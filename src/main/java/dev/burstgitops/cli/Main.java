package dev.burstgitops.cli;

import picocli.CommandLine;

/** Entry point of {@code burst-gitops}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        JGitHome.configure();
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, as tests drive it too. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BurstGitopsCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        ExitCodeMapper failures = new ExitCodeMapper();
        commandLine.setExitCodeExceptionMapper(failures);
        commandLine.setExecutionExceptionHandler(failures);
        return commandLine;
    }
}
