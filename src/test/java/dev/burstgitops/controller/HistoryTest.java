package dev.burstgitops.controller;

import static dev.burstgitops.controller.BurstLoopFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.cli.Main;
import dev.burstgitops.record.DecisionRecord;
import dev.burstgitops.record.DecisionTimeline;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision timeline read back from a known sequence of decision commits. */
class HistoryTest {

    @TempDir
    Path dir;

    private BurstLoopFixture fixture;

    @BeforeEach
    void makeAKnownSequence() throws Exception {
        fixture = new BurstLoopFixture(dir, "");
        fixture.rate.set(20.0);
        fixture.pass();                                   // natural -> burst at 20
        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.rate.set(12.0);
        fixture.pass();                                   // stays burst: no commit
        fixture.rate.set(4.5);
        fixture.pass();                                   // burst -> natural at 4.5
        GitClient.clone(fixture.remote.toUri().toString(), dir.resolve("person"), "main")
                .write("README.md", "fleet\n").commitAndPush(new GitAuthor("Pat", "pat@example.com"), "Docs");
        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.rate.set(30.0);
        fixture.pass();                                   // natural -> burst at 30
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void theTimelineListsEveryModeChangeOldestFirstAndNothingElse() throws Exception {
        fixture.workspace.refresh();
        List<DecisionRecord> records = DecisionTimeline.read(fixture.workspace.directory(), "main",
                Optional.of("worker"), Optional.empty());

        assertThat(records).extracting(r -> r.from() + " -> " + r.to() + " at " + r.observed())
                .containsExactly("natural -> burst at 20", "burst -> natural at 4.5", "natural -> burst at 30");
        assertThat(records).extracting(DecisionRecord::time)
                .containsExactly(START, START.plus(Duration.ofMinutes(10)), START.plus(Duration.ofMinutes(20)));
        assertThat(records.get(1).rule()).isEqualTo("< 10 req/s for 0s");
        assertThat(records).allSatisfy(r -> assertThat(r.author()).isEqualTo("burst-gitops"));
    }

    @Test
    void theHistoryCommandPrintsOneLinePerDecisionAndJsonOnRequest() {
        String config = dir.resolve("burst-gitops.yaml").toString();

        String text = run("history", "--config", config, "worker");
        String json = run("history", "--config", config, "--json");

        List<String> lines = Arrays.asList(text.split("\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("2026-11-26T06:00:00Z  worker     natural -> burst    at 20 req/s "
                + "(> 15 req/s for 0s)");
        assertThat(json.split("\n")[1]).startsWith("{\"time\":\"2026-11-26T06:10:00Z\",\"policy\":\"worker\","
                + "\"from\":\"burst\",\"to\":\"natural\",\"observed\":\"4.5\",\"rule\":\"< 10 req/s for 0s\"");
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(commandLine.execute(args)).isZero();
        return out.toString();
    }
}
