package dev.burstgitops.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code completion bash|zsh}: prints a completion script for the commands and options, generated
 * by picocli from the same model the parser uses, so it never falls behind a new option.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.",
                "bash: source <(burst-gitops completion bash)",
                "zsh:  source <(burst-gitops completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine top = spec.root().commandLine();
        // One script for both: picocli's checks $ZSH_VERSION and loads zsh's bash-completion emulation
        // (bashcompinit) itself. The shell is still an argument, so a later zsh-native script changes nothing here.
        spec.commandLine().getOut().print(AutoComplete.bash(top.getCommandName(), top));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
