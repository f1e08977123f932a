package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced by the real bash and asked to complete as a terminal would. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void bashCompletesSubcommandsAndTheirOptions() throws Exception {
        CommandRun run = CommandRun.of("completion", "bash");
        assertThat(run.exitCode()).as(run.all()).isZero();
        Path script = Files.writeString(dir.resolve("burst-gitops.bash"), run.out());

        assertThat(complete(script, "burst-gitops si")).containsExactly("simulate");
        assertThat(complete(script, "burst-gitops sync --dr")).containsExactly("--dry-run");
        assertThat(complete(script, "burst-gitops decide --dr")).containsExactly("--dry-run");
        assertThat(complete(script, "burst-gitops comp")).containsExactly("completion");
    }

    @Test
    void zshGetsTheScriptThatLoadsZshsBashCompletionEmulation() {
        CommandRun run = CommandRun.of("completion", "zsh");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("ZSH_VERSION").contains("bashcompinit").contains("complete -F");
    }

    @Test
    void anotherShellIsAUsageError() {
        CommandRun run = CommandRun.of("completion", "fish");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("fish");
    }

    /** What bash offers for {@code line}, through the script's completion function, as Tab would. */
    private static List<String> complete(Path script, String line) throws IOException, InterruptedException {
        String[] words = line.split(" ");
        String program = "source '" + script + "' 2>/dev/null\n"
                + "COMP_WORDS=(" + line + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'\n"
                + "COMP_POINT=" + line.length() + "\n"
                + "_complete_burst-gitops burst-gitops '" + words[words.length - 1] + "' '" + words[words.length - 2]
                + "' 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
