package dev.burstgitops.cli;

import dev.burstgitops.gitops.Revisions;
import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.controller.Adapters;
import dev.burstgitops.record.OverrideCommits;
import dev.burstgitops.controller.Publishers;
import dev.burstgitops.config.GitConfig;
import dev.burstgitops.gitops.DecisionPublisher;
import dev.burstgitops.decision.DurationText;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.override.OverrideFile;
import dev.burstgitops.gitops.ChangePublisher;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.gitops.PublishResult;
import dev.burstgitops.gitops.PublishRetry;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code override set|clear}: writes an override file through Git. */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = "Hold a policy in a mode until a time, or clear the hold, through a Git commit.",
        subcommands = {OverrideCommand.Set.class, OverrideCommand.Clear.class})
final class OverrideCommand {

    /** {@code override set POLICY MODE (--for D | --until T) --reason R}. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Write overrides/POLICY.yaml holding POLICY in MODE (burst or natural).")
    static final class Set implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(index = "0", paramLabel = "POLICY")
        String policy;

        @Parameters(index = "1", paramLabel = "MODE", description = "burst or natural")
        String mode;

        @ArgGroup(multiplicity = "1")
        Until until;

        @Option(names = "--reason", required = true, description = "Why; it goes into the file and the commit.")
        String reason;

        @Option(names = "--pull-request", description = "Propose it as a pull request (the default in writeMode "
                + "pull-request) instead of pushing to the branch.")
        boolean pullRequest;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Instant now = Instant.now();
            String target;
            Instant end;
            try {
                target = OverrideFile.parseTarget(mode).map(Mode::label).orElse(OverrideFile.SUSPEND);
                end = until.resolve(now);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                err.println(e.getMessage());
                return ExitCodes.CONFIG;
            }
            return OverrideCommand.write(config, spec, pullRequest, "override-" + policy,
                    writer -> writer.set(policy, target, end, reason, now));
        }
    }

    /** {@code override clear POLICY}. */
    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove overrides/POLICY.yaml.")
    static final class Clear implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(index = "0", paramLabel = "POLICY")
        String policy;

        @Option(names = "--pull-request", description = "Propose it as a pull request instead of pushing.")
        boolean pullRequest;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OverrideCommand.write(config, spec, pullRequest, "override-" + policy,
                    writer -> writer.clear(policy));
        }
    }

    /** Exactly one of --for and --until. */
    static final class Until {
        @Option(names = "--for", paramLabel = "DURATION", description = "How long from now (2h, 3d).")
        String duration;

        @Option(names = "--until", paramLabel = "TIME", description = "RFC 3339 time (2026-11-27T06:00:00Z).")
        String time;

        Instant resolve(Instant now) {
            return duration != null ? now.plus(DurationText.parse(duration))
                    : OffsetDateTime.parse(time).toInstant();
        }
    }

    @FunctionalInterface
    interface Write {
        PublishResult apply(OverrideCommits writer) throws Exception;
    }

    static int write(ConfigOption config, CommandSpec spec, boolean pullRequest, String branchName, Write write)
            throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            BurstGitopsConfig loaded = config.load();
            try (JGitWorkspace workspace = Adapters.workspace(loaded, Clock.systemUTC(), "-override")) {
                boolean propose = pullRequest || loaded.git().writeMode() == GitConfig.WriteMode.PULL_REQUEST;
                DecisionPublisher publisher = propose ? Publishers.pullRequest(loaded, workspace, branchName)
                        : new ChangePublisher(workspace, PublishRetry.defaults());
                PublishResult result = write.apply(new OverrideCommits(loaded, publisher));
                out.println(describe(result));
                return result instanceof PublishResult.GaveUp ? ExitCodes.GIT : ExitCodes.OK;
            }
        } catch (IllegalArgumentException e) {
            // An unknown policy or an invalid override; configuration and Git failures go to ExitCodeMapper.
            err.println(e.getMessage());
            return ExitCodes.CONFIG;
        }
    }

    private static String describe(PublishResult result) {
        if (result instanceof PublishResult.Published published) {
            return "committed " + Revisions.shortId(published.commitId());
        }
        if (result instanceof PublishResult.Proposed proposed) {
            return "proposed " + Revisions.shortId(proposed.commitId()) + " as a pull request";
        }
        if (result instanceof PublishResult.NothingToDo) {
            return "nothing to change";
        }
        return "gave up: " + ((PublishResult.GaveUp) result).lastRejection();
    }
}
