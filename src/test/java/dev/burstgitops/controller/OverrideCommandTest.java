package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.cli.Main;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code override set} and {@code clear} write through Git, and the burst loop obeys them. */
class OverrideCommandTest {

    @TempDir
    Path dir;

    private BurstLoopFixture fixture;
    private String config;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new BurstLoopFixture(dir, "");
        config = dir.resolve("burst-gitops.yaml").toString();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void setCommitsTheOverrideFileAndTheLoopHoldsTheModeItNames() throws Exception {
        Outcome set = run("override", "set", "worker", "burst", "--for", "2h", "--reason", "Black Friday: keep it on",
                "--config", config);

        assertThat(set.exit()).as(set.err()).isZero();
        GitLoggedCommit commit = GitRemotes.log(fixture.remote).get(0);
        assertThat(commit.subject()).startsWith("override(worker): burst until ");
        assertThat(commit.trailerValues("Burst-Override")).containsExactly("overrides/worker.yaml");
        assertThat(fixture.remoteFile("overrides/worker.yaml")).contains("mode: burst")
                .contains("reason: \"Black Friday: keep it on\"");

        fixture.clock.set(java.time.Instant.now());
        fixture.rate.set(5.0);
        assertThat(fixture.pass().decision().to()).isEqualTo(Mode.BURST);
    }

    @Test
    void setSuspendCommitsASuspensionUnderWhichTheLoopDecidesNothing() throws Exception {
        Outcome set = run("override", "set", "worker", "suspend", "--for", "2h", "--reason", "migrating burst",
                "--config", config);

        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(GitRemotes.log(fixture.remote).get(0).subject()).startsWith("override(worker): suspend until ");
        assertThat(fixture.remoteFile("overrides/worker.yaml")).contains("mode: suspend");

        fixture.clock.set(java.time.Instant.now());
        fixture.rate.set(20.0);
        PassResult suspended = fixture.pass();
        assertThat(suspended.decision().to()).isEqualTo(Mode.NATURAL);
        assertThat(suspended.decision().reason()).startsWith("suspended by overrides/worker.yaml until ");
        assertThat(suspended.commit()).isEmpty();
    }

    @Test
    void clearRemovesTheFileAndSaysSoWhenThereIsNone() throws Exception {
        run("override", "set", "worker", "natural", "--for", "1h", "--reason", "upgrade", "--config", config);

        Outcome cleared = run("override", "clear", "worker", "--config", config);
        Outcome again = run("override", "clear", "worker", "--config", config);

        assertThat(cleared.exit()).isZero();
        assertThat(GitRemotes.log(fixture.remote).get(0).subject())
                .isEqualTo("override(worker): cleared, automatic control resumes");
        assertThat(GitCliLog.files(fixture.remote, "main")).doesNotContain("overrides/worker.yaml");
        assertThat(again.out()).contains("nothing to change");
    }

    @Test
    void anOverrideLongerThanTheMaximumOrForAnUnknownPolicyIsRefusedAndNothingIsCommitted() throws Exception {
        Outcome tooLong = run("override", "set", "worker", "burst", "--for", "30d", "--reason", "x", "--config", config);
        Outcome unknown = run("override", "set", "frontend", "burst", "--for", "1h", "--reason", "x",
                "--config", config);

        assertThat(tooLong.exit()).isEqualTo(2);
        assertThat(tooLong.err()).contains("is more than maxOverrideDuration (7d) ahead");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no policy named 'frontend'");
        assertThat(GitRemotes.log(fixture.remote)).hasSize(1);
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private record Outcome(int exit, String out, String err) {
    }
}
