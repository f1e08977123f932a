package dev.burstgitops.cli;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by the commands that talk to Git, Prometheus or clusters. */
final class ConfigOption {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "burst-gitops.yaml to use.")
    Path file;

    /** Loads the file; problems are reported by {@link #report}. */
    BurstGitopsConfig load() throws ConfigException {
        return ConfigLoader.load(file);
    }

    static int report(ConfigException e, PrintWriter err) {
        for (String problem : e.problems()) {
            err.println(problem);
        }
        return ExitCodes.CONFIG;
    }
}
