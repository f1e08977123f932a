package dev.burstgitops.cli;

import dev.burstgitops.bundled.RepositoryTemplate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code init DIR --service NAME [--namespace NS]}: a new GitOps repository from the template. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a new GitOps repository from the template; never overwrites a file.")
final class InitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "Where to write the repository (created if missing).")
    Path directory;

    @Option(names = "--service", required = true, paramLabel = "NAME", description = "The service to burst.")
    String service;

    @Option(names = "--namespace", defaultValue = "default", paramLabel = "NS",
            description = "Its namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> existing;
        try {
            existing = RepositoryTemplate.bundled().write(directory, service, namespace);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (!existing.isEmpty()) {
            err.println(directory + ": not written, these files exist already: " + String.join(", ", existing));
            return ExitCodes.PROBLEMS;
        }
        out.println("Wrote a burst-gitops repository for " + service + " (namespace " + namespace + ") to "
                + directory + ".");
        out.println("Next: edit apps/" + service + "/ (image, ports), check it with 'burst-gitops validate "
                + directory + "', commit and push it, and point burst-gitops.yaml's git.url at it.");
        return ExitCodes.OK;
    }
}
