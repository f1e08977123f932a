package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.CapturedLogs;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit's date is a claim: a decision-format commit dated months ahead (pushed by someone, or
 * made on a node whose clock runs ahead) must not hold the cooldown until that date.
 */
class FutureDatedCommitTest {

    @TempDir
    Path dir;

    private BurstLoopFixture fixture;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aDecisionCommitDatedInTheFutureHoldsNoCooldownAndIsNamed() throws Exception {
        fixture = new BurstLoopFixture(dir, "cooldown: 10m");
        GitClient person = GitClient.clone(fixture.remote.toUri().toString(), dir.resolve("person"), "main");
        String future = person.write("notes.txt", "frozen\n").commit(GitAuthor.ALICE,
                "worker: natural -> natural\n\nBurst-Policy: worker\nBurst-Decision: natural -> natural\n",
                Instant.parse("2027-06-01T00:00:00Z"));
        person.push();
        fixture.rate.set(20.0);

        try (CapturedLogs logs = CapturedLogs.capture()) {
            PassResult result = fixture.pass();

            assertThat(result.decision().to()).as(result.summary()).isEqualTo(Mode.BURST);
            assertThat(result.commit()).isPresent();
            assertThat(logs.linesAt(Level.WARN)).anySatisfy(line -> assertThat(line)
                    .contains("decision commit " + future.substring(0, 7), "2027-06-01", "holds neither the cooldown"));
        }
    }

    @Test
    void aDecisionCommitWithinTheClockSkewStillHoldsTheCooldown() throws Exception {
        fixture = new BurstLoopFixture(dir, "cooldown: 10m");
        GitClient person = GitClient.clone(fixture.remote.toUri().toString(), dir.resolve("person"), "main");
        // A minute ahead: a clock that drifts a little, not a claim to ignore.
        person.write("notes.txt", "soon\n").commit(GitAuthor.ALICE,
                "worker: natural -> natural\n\nBurst-Policy: worker\nBurst-Decision: natural -> natural\n",
                BurstLoopFixture.START.plus(Duration.ofMinutes(1)));
        person.push();
        fixture.rate.set(20.0);

        PassResult result = fixture.pass();

        assertThat(result.decision().to()).as(result.summary()).isEqualTo(Mode.NATURAL);
        assertThat(result.decision().reason()).contains("cooldown");
    }
}
