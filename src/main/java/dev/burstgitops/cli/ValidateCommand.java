package dev.burstgitops.cli;

import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.HeadVerifier;
import dev.burstgitops.gitops.HeadVerifier.SignedHead;
import dev.burstgitops.validate.RepositoryValidator;
import dev.burstgitops.validate.ValidationProblem;
import dev.burstgitops.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate [DIR]}: checks a repository checkout, as a pull request's CI does; it only prints. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a GitOps repository checkout without any cluster: YAML, the controller's configuration "
                + "(burst-gitops.yaml at the root, or embedded in a ConfigMap), cluster renders, the weights and subsets "
                + "of every VirtualService in the repository, overrides. One file:line: message per problem.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no problem", "1:problems found (each printed), or with --verify: HEAD is not signed by an"
                + " allowed key", "2:DIR does not exist, or --verify without a readable --allowed-signers"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "Root of the repository checkout (default: the current directory).")
    Path directory;

    @Option(names = "--verify", description = "Also check that the commit checked out (HEAD) is signed by a key of"
            + " --allowed-signers, as the sync loop checks every head with git.verify.")
    boolean verify;

    @Option(names = "--allowed-signers", paramLabel = "FILE", description = "The allowed signers (git's"
            + " gpg.ssh.allowedSignersFile format) for --verify. Take it from the base branch, not from the change"
            + " being checked.")
    Path allowedSigners;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(directory)) {
            spec.commandLine().getErr().println("validate: " + directory + ": no such directory");
            return ExitCodes.CONFIG;
        }
        if (verify && allowedSigners == null) {
            spec.commandLine().getErr().println("validate: --verify needs --allowed-signers FILE");
            return ExitCodes.CONFIG;
        }
        if (verify && !Files.isReadable(allowedSigners)) {
            // A wrong path is the pipeline's mistake, not an unsigned commit: say so, exit 2.
            spec.commandLine().getErr().println("validate: --allowed-signers " + allowedSigners + ": cannot be read");
            return ExitCodes.CONFIG;
        }
        ValidationReport report = new RepositoryValidator(Clock.systemUTC()).validate(directory);
        for (ValidationProblem problem : report.problems()) {
            out.println(problem);
        }
        out.println(report.summary());
        boolean signed = !verify || verifyHead(out);
        return report.ok() && signed ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private boolean verifyHead(PrintWriter out) {
        try {
            SignedHead head = HeadVerifier.allowedSigners(allowedSigners).checkCheckout(directory);
            out.println("verify: HEAD " + head.revision().substring(0, 12) + " is signed by "
                    + head.signer().orElse("an allowed key"));
            return true;
        } catch (GitException e) {
            out.println("verify: " + e.getMessage());
            return false;
        }
    }
}
