package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.ConfigException;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.metrics.MetricQueryException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** One mapping from failure to exit code and message, for every command. */
class ExitCodeMapperTest {

    @Command(name = "failing")
    static final class Failing implements java.util.concurrent.Callable<Integer> {
        private final Exception failure;

        Failing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    private static String[] run(Exception failure) {
        CommandLine command = new CommandLine(new Failing(failure));
        ExitCodeMapper mapper = new ExitCodeMapper();
        command.setExitCodeExceptionMapper(mapper);
        command.setExecutionExceptionHandler(mapper);
        StringWriter err = new StringWriter();
        command.setErr(new PrintWriter(err));
        int exit = command.execute();
        return new String[] {Integer.toString(exit), err.toString()};
    }

    @Test
    void configurationIsTwoWithEachProblemOnItsLine() {
        String[] result = run(new ConfigException(List.of("a.yaml:3: git.url: is required", "a.yaml:9: x: unknown")));

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).isEqualTo("a.yaml:3: git.url: is required\na.yaml:9: x: unknown\n");
    }

    @Test
    void aBadArgumentIsTwoThroughTheWholeCommandLine() {
        CommandRun run = CommandRun.of("history", "--config", "burst-gitops.yaml", "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void aMetricQueryIsThreeGitIsFourAnythingElseIsOne() {
        assertThat(run(new MetricQueryException(MetricQueryException.Kind.CONNECTION, "http://prom:9090", "refused"))[0]).isEqualTo("3");
        String[] git = run(new GitException("push rejected"));
        assertThat(git[0]).isEqualTo("4");
        assertThat(git[1]).isEqualTo("Git failed: push rejected\n");
        assertThat(run(new IllegalStateException("bug"))[0]).isEqualTo("1");
    }
}
