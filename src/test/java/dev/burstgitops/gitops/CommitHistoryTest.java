package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the timeline from trailers, on a history written by people with the git command line
 * and by the controller through its workspace.
 */
class CommitHistoryTest {

    private static final Instant JAN_10 = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant JAN_15 = Instant.parse("2026-01-15T08:00:00Z");
    private static final Instant JAN_20 = Instant.parse("2026-01-20T08:00:00Z");
    private static final Instant JAN_25 = Instant.parse("2026-01-25T08:00:00Z");

    @TempDir
    Path tmp;
    Path bare;
    String workerToBurst;
    String frontendToBurst;
    String workerToNatural;

    @BeforeEach
    void writeHistory() throws Exception {
        bare = GitRemotes.createBare(tmp.resolve("fleet.git"), Map.of("weights.yaml", "burst: 0\n"));
        GitClient person = GitClient.clone(bare.toString(), tmp.resolve("person"), "main");
        workerToBurst = person.write("weights.yaml", "burst: 100\n").commit(GitAuthor.ALICE,
                "burst(worker): natural -> burst\n\nBy hand.\n\nBurst-Policy: worker\nBurst-Decision: burst\n", JAN_10);
        person.write("README.md", "fleet\n").commit(GitAuthor.ALICE, "docs: say what this is", JAN_15);
        frontendToBurst = person.write("frontend.yaml", "burst: 100\n").commit(GitAuthor.ALICE,
                "burst(frontend): natural -> burst\n\nBurst-Policy: frontend\n", JAN_20);
        person.push();
        workerToNatural = controllerCommit(JAN_25, CommitMessage.of("burst(worker): burst -> natural at 4.0 req/s")
                .withTrailer("Burst-Policy", "worker").withTrailer("Burst-Decision", "natural"));
    }

    private String controllerCommit(Instant when, CommitMessage message) throws GitException {
        GitRemote remote = GitRemote.anonymous(bare.toUri(), "main", tmp.resolve("checkout"));
        try (JGitWorkspace workspace = new JGitWorkspace(remote,
                new CommitIdentity("burst-gitops", "burst-gitops@example.com"), Clock.fixed(when, ZoneOffset.UTC))) {
            PublishResult result = new ChangePublisher(workspace, PublishRetry.immediately(1)).publish(tree -> {
                GitRemoteContract.write(tree.directory().resolve("weights.yaml"), "burst: 0\n");
                return Optional.of(CommitRequest.of(message, "weights.yaml"));
            });
            return ((PublishResult.Published) result).commitId();
        }
    }

    private static List<String> ids(List<HistoryCommit> commits) {
        return commits.stream().map(HistoryCommit::id).toList();
    }

    @Test
    void returnsTheCommitsCarryingTheTrailerNewestFirst() throws Exception {
        List<HistoryCommit> found = new CommitHistory(bare, "main").find(HistoryQuery.trailer("Burst-Policy", "worker"));

        assertThat(ids(found)).containsExactly(workerToNatural, workerToBurst);
        HistoryCommit latest = found.get(0);
        assertThat(latest).isEqualTo(new HistoryCommit(workerToNatural, workerToNatural.substring(0, 7), JAN_25,
                "burst-gitops", "burst-gitops@example.com", "burst(worker): burst -> natural at 4.0 req/s",
                latest.trailers()));
        assertThat(latest.trailers().asMap())
                .containsExactly(Map.entry("Burst-Policy", List.of("worker")), Map.entry("Burst-Decision", List.of("natural")));
        assertThat(found.get(1).authorName()).isEqualTo("Alice Operator");
        assertThat(found.get(1).trailers().first("Burst-Decision")).contains("burst");
    }

    @Test
    void sinceLeavesOutCommitsMadeBeforeItAndKeepsOneMadeAtIt() throws Exception {
        CommitHistory history = new CommitHistory(bare, "main");

        assertThat(ids(history.find(HistoryQuery.trailer("Burst-Policy", "worker").since(JAN_15))))
                .containsExactly(workerToNatural);
        assertThat(ids(history.find(HistoryQuery.trailer("Burst-Policy", "worker").since(JAN_10))))
                .containsExactly(workerToNatural, workerToBurst);
    }

    @Test
    void theLimitKeepsTheNewestMatches() throws Exception {
        assertThat(ids(new CommitHistory(bare, "main").find(HistoryQuery.anyValueOf("Burst-Policy").limit(2))))
                .containsExactly(workerToNatural, frontendToBurst);
    }

    @Test
    void anyValueOfAKeyFindsEveryPolicyAndKeysIgnoreCaseAsInGit() throws Exception {
        assertThat(ids(new CommitHistory(bare, "main").find(HistoryQuery.anyValueOf("burst-policy"))))
                .containsExactly(workerToNatural, frontendToBurst, workerToBurst);
    }

    @Test
    void readsTheFetchedBranchOfAWorkspaceCheckout() throws Exception {
        assertThat(ids(new CommitHistory(tmp.resolve("checkout"), "main")
                .find(HistoryQuery.trailer("Burst-Policy", "frontend"))))
                .containsExactly(frontendToBurst);
    }

    @Test
    void aBranchThatDoesNotExistIsAnError() {
        assertThat(catchThrowableOfType(GitException.class,
                () -> new CommitHistory(bare, "release").find(HistoryQuery.anyValueOf("Burst-Policy"))))
                .hasMessage("no branch 'release' in " + bare);
    }

    @Test
    void aDirectoryWithoutARepositoryIsAnError() {
        assertThat(catchThrowableOfType(GitException.class,
                () -> new CommitHistory(tmp.resolve("nothing"), "main").find(HistoryQuery.anyValueOf("Burst-Policy"))))
                .hasMessageContaining("cannot read the history of main in " + tmp.resolve("nothing"));
    }
}
