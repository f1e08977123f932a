package dev.burstgitops.cli;

import dev.burstgitops.config.ConfigException;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.metrics.MetricQueryException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * The one place a failure becomes an exit code and a message, for every command: configuration
 * or a bad argument 2 (each problem on its own line), metric query 3, Git 4, anything else 1. Commands let these
 * exceptions go instead of each catching and printing them their own way.
 */
final class ExitCodeMapper implements IExitCodeExceptionMapper, IExecutionExceptionHandler {

    @Override
    public int getExitCode(Throwable failure) {
        // A bad option or argument: picocli asks this mapper for those too, and they are usage errors.
        if (failure instanceof ConfigException || failure instanceof CommandLine.ParameterException) {
            return ExitCodes.CONFIG;
        }
        if (failure instanceof MetricQueryException) {
            return ExitCodes.METRICS;
        }
        if (failure instanceof GitException) {
            return ExitCodes.GIT;
        }
        return ExitCodes.PROBLEMS;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (failure instanceof ConfigException config) {
            ConfigOption.report(config, err);
        } else if (failure instanceof MetricQueryException) {
            err.println("metric query failed: " + failure.getMessage());
        } else if (failure instanceof GitException) {
            err.println("Git failed: " + failure.getMessage());
        } else {
            err.println("burst-gitops: " + failure.getMessage());
        }
        err.flush();
        return getExitCode(failure);
    }
}
