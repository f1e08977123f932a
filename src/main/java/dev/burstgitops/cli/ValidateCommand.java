package dev.burstgitops.cli;

import dev.burstgitops.validate.RepositoryValidator;
import dev.burstgitops.validate.ValidationProblem;
import dev.burstgitops.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate [DIR]}: checks a repository checkout, as a pull request's CI does; it only prints. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a GitOps repository checkout without any cluster: YAML, the controller's configuration "
                + "(burst-gitops.yaml at the root, or embedded in a ConfigMap), cluster renders, the weights and subsets "
                + "of every VirtualService in the repository, overrides. One file:line: message per problem.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no problem", "1:problems found (each printed)", "2:DIR does not exist"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "Root of the repository checkout (default: the current directory).")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(directory)) {
            spec.commandLine().getErr().println("validate: " + directory + ": no such directory");
            return ExitCodes.CONFIG;
        }
        ValidationReport report = new RepositoryValidator(Clock.systemUTC()).validate(directory);
        for (ValidationProblem problem : report.problems()) {
            out.println(problem);
        }
        out.println(report.summary());
        return report.ok() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
