package dev.burstgitops.controller;

import static dev.burstgitops.controller.BurstLoopFixture.START;
import static dev.burstgitops.controller.BurstLoopFixture.VS_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.decision.Mode;
import dev.burstgitops.gitops.ChangePublisher;
import dev.burstgitops.gitops.PublishResult;
import dev.burstgitops.gitops.PublishRetry;
import dev.burstgitops.record.OverrideCommits;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mode: suspend}: written with the override command's writer, seen by the burst loop through a
 * real remote; a person's hand edit of the weights meanwhile stays, and control resumes at expiry.
 */
class SuspendFlowTest {

    private static final GitAuthor OPERATOR = new GitAuthor("Olga Operator", "olga@example.com");

    @TempDir
    Path dir;

    private BurstLoopFixture fixture;
    private GitClient person;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new BurstLoopFixture(dir, "");
        person = GitClient.clone(fixture.remote.toUri().toString(), dir.resolve("person"), "main");
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void aSuspendedPolicyIsNotDecidedAndAHandEditStaysUntilItExpires() throws Exception {
        PublishResult written = new OverrideCommits(fixture.config, new ChangePublisher(fixture.workspace,
                PublishRetry.defaults())).suspend("worker", START.plus(Duration.ofHours(1)), "migrating the burst cluster",
                START);
        assertThat(written).isInstanceOf(PublishResult.Published.class);
        GitLoggedCommit override = GitRemotes.log(fixture.remote).get(0);
        assertThat(override.subject()).isEqualTo("override(worker): suspend until 2026-11-26T07:00:00Z");
        assertThat(fixture.remoteFile("overrides/worker.yaml")).contains("mode: suspend");

        // A person splits the traffic by hand while the policy is suspended.
        person.pull();
        String weights = Files.readString(Path.of(VS_FILE));
        person.write(VS_FILE, weights.replace("weight: 100", "weight: 50").replace("weight: 0", "weight: 50"))
                .commitAndPush(OPERATOR, "Half to burst while we migrate");
        fixture.rate.set(20.0);
        List<GitLoggedCommit> before = GitRemotes.log(fixture.remote);

        PassResult suspended = fixture.pass();

        assertThat(suspended.summary()).contains("no change (suspended by overrides/worker.yaml until"
                + " 2026-11-26T07:00:00Z (migrating the burst cluster)");
        assertThat(suspended.override()).contains("overrides/worker.yaml");
        assertThat(GitRemotes.log(fixture.remote)).isEqualTo(before);
        assertThat(fixture.remoteFile(VS_FILE)).contains("weight: 50");

        fixture.clock.advance(Duration.ofHours(1));
        PassResult resumed = fixture.pass();

        assertThat(resumed.decision().to()).isEqualTo(Mode.BURST);
        GitLoggedCommit resumedCommit = GitRemotes.log(fixture.remote).get(0);
        assertThat(resumedCommit.trailerValues("Burst-Override-Expired")).containsExactly("overrides/worker.yaml");
        assertThat(resumedCommit.trailerValues("Burst-Decision")).containsExactly("unknown -> burst");
        assertThat(fixture.remoteFile(VS_FILE)).doesNotContain("weight: 50");
    }
}
