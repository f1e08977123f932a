package dev.burstgitops.controller;

import static dev.burstgitops.controller.BurstLoopFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.decision.Mode;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overrides merged by people, seen by the burst loop through a real remote. */
class OverrideFlowTest {

    private static final GitAuthor OPERATOR = new GitAuthor("Olga Operator", "olga@example.com");

    @TempDir
    Path dir;

    private BurstLoopFixture fixture;
    private GitClient person;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new BurstLoopFixture(dir, "cooldown: 10m");
        person = GitClient.clone(fixture.remote.toUri().toString(), dir.resolve("person"), "main");
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void anOverrideToBurstAtFiveRequestsPerSecondMakesABurstCommitWithTheOverrideTrailer() throws Exception {
        merge(BurstLoopFixture.override("burst", START.plus(Duration.ofHours(6)), "Black Friday"));
        fixture.rate.set(5.0);

        PassResult result = fixture.pass();

        assertThat(result.decision().to()).isEqualTo(Mode.BURST);
        GitLoggedCommit commit = GitRemotes.log(fixture.remote).get(0);
        assertThat(commit.subject()).isEqualTo(
                "burst(worker): natural -> burst at 5 req/s (override until 2026-11-26T12:00:00Z)");
        assertThat(commit.trailerValues("Burst-Override")).containsExactly("overrides/worker.yaml");
        assertThat(GitCliLog.body(fixture.remote, commit.id())).contains("Black Friday");
    }

    @Test
    void anOverrideToNaturalAtTwentyRequestsPerSecondHoldsNatural() throws Exception {
        merge(BurstLoopFixture.override("natural", START.plus(Duration.ofHours(6)), "burst cluster upgrade"));
        fixture.rate.set(20.0);

        PassResult result = fixture.pass();

        assertThat(result.decision().to()).isEqualTo(Mode.NATURAL);
        assertThat(result.commit()).isEmpty();
        assertThat(result.decision().reason()).contains("burst cluster upgrade");
        assertThat(GitRemotes.log(fixture.remote)).hasSize(2);
    }

    @Test
    void expiryResumesAutomaticControlAndRemovesTheFile() throws Exception {
        merge(BurstLoopFixture.override("burst", START.plus(Duration.ofHours(1)), "load test"));
        fixture.rate.set(5.0);
        fixture.pass();
        fixture.clock.advance(Duration.ofHours(1));

        PassResult result = fixture.pass();

        // The override's own change was 1 h ago; back to natural at 5 req/s, file removed in the same commit.
        assertThat(result.decision().to()).isEqualTo(Mode.NATURAL);
        GitLoggedCommit commit = GitRemotes.log(fixture.remote).get(0);
        assertThat(commit.trailerValues("Burst-Override-Expired")).containsExactly("overrides/worker.yaml");
        assertThat(commit.trailerValues("Burst-Decision")).containsExactly("burst -> natural");
        assertThat(GitCliLog.files(fixture.remote, "main")).doesNotContain("overrides/worker.yaml");
    }

    @Test
    void anExpiredOverrideIsRemovedEvenWhenTheWeightsNeedNoChange() throws Exception {
        merge(BurstLoopFixture.override("natural", START.plus(Duration.ofMinutes(5)), "maintenance"));
        fixture.clock.advance(Duration.ofMinutes(5));

        fixture.pass();

        GitLoggedCommit commit = GitRemotes.log(fixture.remote).get(0);
        assertThat(commit.subject()).isEqualTo("burst(worker): override expired, automatic control resumes");
        assertThat(commit.trailerValues("Burst-Decision")).isEmpty();
        assertThat(GitCliLog.files(fixture.remote, "main")).doesNotContain("overrides/worker.yaml");
    }

    @Test
    void anInvalidOverrideChangesNothingAndTheMetricDecides() throws Exception {
        merge("policy: worker\nmode: half\nreason: typo\n");
        fixture.rate.set(12.0);

        PassResult result = fixture.pass();

        assertThat(result.commit()).isEmpty();
        assertThat(result.decision().reason()).contains("inside the band");
        assertThat(GitRemotes.log(fixture.remote)).hasSize(2);
    }

    @Test
    void anOverrideMergedWhileADecisionPushIsInFlightWinsAfterTheRetry() throws Exception {
        fixture.rate.set(20.0);
        // The operator's merge lands after the loop fetched and before it pushes.
        InterleavingWorkspace interleaved = new InterleavingWorkspace(fixture.workspace, () -> merge(
                BurstLoopFixture.override("natural", START.plus(Duration.ofHours(2)), "upgrade in progress")));
        BurstLoop loop = BurstLoop.create(fixture.config, promql -> new dev.burstgitops.metrics.Sample(20.0,
                fixture.clock.instant(), 1), Optional.empty(), interleaved, fixture.clock, fixture.retry(), false);

        PassResult result = loop.passes().get(0).run();

        assertThat(result.decision().to()).isEqualTo(Mode.NATURAL);
        assertThat(result.commit()).isEmpty();
        List<GitLoggedCommit> log = GitRemotes.log(fixture.remote);
        assertThat(log.get(0).authorName()).isEqualTo("Olga Operator");
        assertThat(fixture.remoteFile(BurstLoopFixture.VS_FILE)).contains("weight: 100");
        assertThat(fixture.slept).as("the rejected push backs off, without the test sleeping").hasSize(1);
    }

    private void merge(String override) {
        person.pull();
        person.write("overrides/worker.yaml", override).commitAndPush(OPERATOR, "Override worker");
    }
}
