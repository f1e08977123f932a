package dev.burstgitops.gitops;

import dev.burstgitops.testing.CapturedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import ch.qos.logback.classic.Level;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitCli;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every transport must do, run against a real remote by each subclass: a bare repository on
 * disk, and C git's smart-HTTP server with basic auth. The git command line is the second client
 * and the independent reader of the remote.
 */
abstract class GitRemoteContract {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final CommitIdentity IDENTITY = new CommitIdentity("burst-gitops", "burst-gitops@example.com");
    static final String WEIGHTS = "apps/istio/worker-virtualservice.yaml";
    static final String OVERRIDE = "overrides/worker.yaml";

    @TempDir
    Path tmp;
    Path bare;
    private final List<JGitWorkspace> workspaces = new ArrayList<>();

    /** Creates the remote holding {@code files} and returns its bare repository directory. */
    abstract Path createRemote(Path workDir, Map<String, String> files);

    abstract GitRemote remoteFor(Path checkoutDir);

    /** How the git command line reaches the same remote. */
    abstract String secondClientUrl();

    @BeforeEach
    void createSeededRemote() {
        bare = createRemote(tmp.resolve("remote"), Map.of(WEIGHTS, "primary: 100\nburst: 0\n", OVERRIDE, "mode: burst\n"));
    }

    @AfterEach
    void closeWorkspaces() {
        workspaces.forEach(JGitWorkspace::close);
    }

    JGitWorkspace workspace(String checkoutName) {
        JGitWorkspace workspace = new JGitWorkspace(remoteFor(tmp.resolve(checkoutName)), IDENTITY,
                Clock.fixed(NOW, ZoneOffset.UTC));
        workspaces.add(workspace);
        return workspace;
    }

    ChangePublisher publisher(JGitWorkspace workspace) {
        return new ChangePublisher(workspace, PublishRetry.immediately(5));
    }

    static CommitMessage burstMessage() {
        return CommitMessage.of("burst(worker): natural -> burst at 17.2 req/s (enterAbove 15)")
                .withBody("The request rate held above 15 req/s.")
                .withTrailer("Burst-Policy", "worker")
                .withTrailer("Burst-Decision", "burst")
                .withTrailer("Burst-Observed", "17.2");
    }

    static Optional<CommitRequest> writeWeights(Path tree, String content) {
        write(tree.resolve(WEIGHTS), content);
        return Optional.of(CommitRequest.of(burstMessage(), WEIGHTS));
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aChangeLandsAsExactlyOneCommitByTheConfiguredIdentityAtTheClocksTime() throws Exception {
        String seed = GitRemotes.log(bare).get(0).id();

        PublishResult result = publisher(workspace("checkout"))
                .publish(tree -> writeWeights(tree.directory(), "primary: 0\nburst: 100\n"));

        List<GitLoggedCommit> log = GitRemotes.log(bare);
        assertThat(log).hasSize(2);
        GitLoggedCommit ours = log.get(0);
        assertThat(result).isEqualTo(new PublishResult.Published(ours.id(), 1));
        assertThat(ours.parents()).containsExactly(seed);
        assertThat(List.of(ours.authorName(), ours.authorEmail(), ours.committerName(), ours.committerEmail()))
                .containsExactly("burst-gitops", "burst-gitops@example.com", "burst-gitops", "burst-gitops@example.com");
        assertThat(List.of(ours.authorTime(), ours.committerTime())).containsOnly(NOW);
        assertThat(ours.subject()).isEqualTo("burst(worker): natural -> burst at 17.2 req/s (enterAbove 15)");
        assertThat(ours.trailers()).containsExactly("Burst-Policy: worker", "Burst-Decision: burst", "Burst-Observed: 17.2");
        assertThat(GitRemotes.show(bare, WEIGHTS)).isEqualTo("primary: 0\nburst: 100\n");
    }

    @Test
    void publishingTheSameContentAgainMakesNoCommit() throws Exception {
        ChangePublisher publisher = publisher(workspace("checkout"));
        publisher.publish(tree -> writeWeights(tree.directory(), "primary: 0\nburst: 100\n"));
        String head = GitRemotes.log(bare).get(0).id();

        PublishResult again = publisher.publish(tree -> writeWeights(tree.directory(), "primary: 0\nburst: 100\n"));

        assertThat(again).isEqualTo(new PublishResult.NothingToDo(head));
        assertThat(GitRemotes.log(bare)).hasSize(2);
    }

    @Test
    void aChangeThatFindsNothingToDoOnTheFreshHeadMakesNoCommit() throws Exception {
        String seed = GitRemotes.log(bare).get(0).id();

        PublishResult result = publisher(workspace("checkout")).publish(tree -> Optional.empty());

        assertThat(result).isEqualTo(new PublishResult.NothingToDo(seed));
        assertThat(GitRemotes.log(bare)).hasSize(1);
    }

    @Test
    void aCommitPushedByAPersonBetweenOurRefreshAndOurPushIsKeptAndOursLandsOnTopOfIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> headsSeen = new ArrayList<>();
        GitClient person = GitClient.clone(secondClientUrl(), tmp.resolve("person"), GitRemotes.BRANCH);

        PublishResult result;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            result = publisher(workspace("checkout")).publish(tree -> {
                headsSeen.add(read(tree.directory().resolve(OVERRIDE)));
                if (calls.incrementAndGet() == 1) {
                    person.write(OVERRIDE, "mode: natural\n").commitAndPush(GitAuthor.ALICE, "override: keep worker natural");
                }
                return writeWeights(tree.directory(), "primary: 0\nburst: 100\n");
            });
            assertThat(logs.linesAt(Level.WARN))
                    .singleElement(STRING)
                    .contains("push rejected", "attempt 2 of 5");
        }

        List<GitLoggedCommit> log = GitRemotes.log(bare);
        assertThat(log).extracting(GitLoggedCommit::authorName)
                .containsExactly("burst-gitops", "Alice Operator", "Repository Seeder");
        assertThat(log.get(0).parents()).containsExactly(log.get(1).id());
        assertThat(result).isEqualTo(new PublishResult.Published(log.get(0).id(), 2));
        assertThat(headsSeen).as("the second attempt decides on the person's commit")
                .containsExactly("mode: burst\n", "mode: natural\n");
        assertThat(GitRemotes.show(bare, OVERRIDE)).isEqualTo("mode: natural\n");
    }

    @Test
    void aPushThatIsNotAFastForwardIsReportedAsRejectedNotThrown() throws Exception {
        JGitWorkspace workspace = workspace("checkout");
        workspace.refresh();
        String theirs = GitClient.clone(secondClientUrl(), tmp.resolve("person"), GitRemotes.BRANCH)
                .write(OVERRIDE, "mode: natural\n").commitAndPush(GitAuthor.ALICE, "override");
        writeWeights(workspace.directory(), "primary: 0\nburst: 100\n");

        PushOutcome outcome = workspace.commitAndPush(CommitRequest.of(burstMessage(), WEIGHTS));

        assertThat(outcome).isInstanceOf(PushOutcome.Rejected.class);
        assertThat(((PushOutcome.Rejected) outcome).reason()).contains("non-fast-forward");
        assertThat(GitRemotes.log(bare).get(0).id()).isEqualTo(theirs);
    }

    @Test
    void deletingAFileIsCommittedAsADeletion() throws Exception {
        PublishResult result = publisher(workspace("checkout")).publish(tree -> {
            delete(tree.directory().resolve(OVERRIDE));
            return Optional.of(CommitRequest.of(CommitMessage.of("override(worker): expired"), OVERRIDE));
        });

        assertThat(result).isInstanceOf(PublishResult.Published.class);
        assertThat(GitRemotes.log(bare)).hasSize(2);
        assertThat(lsTree()).containsExactly(WEIGHTS);
    }

    @Test
    void onlyTheRequestedPathsAreCommitted() throws Exception {
        publisher(workspace("checkout")).publish(tree -> {
            write(tree.directory().resolve("scratch.txt"), "not for the record\n");
            return writeWeights(tree.directory(), "primary: 0\nburst: 100\n");
        });

        assertThat(lsTree()).containsExactlyInAnyOrder(WEIGHTS, OVERRIDE);
    }

    @Test
    void refreshDiscardsLocalEditsUntrackedFilesAndUnpushedCommits() throws Exception {
        JGitWorkspace workspace = workspace("checkout");
        String seed = workspace.refresh();
        writeWeights(workspace.directory(), "edited\n");
        write(workspace.directory().resolve("stray/untracked.txt"), "left behind\n");

        String head = workspace.refresh();

        assertThat(head).isEqualTo(seed);
        assertThat(read(workspace.directory().resolve(WEIGHTS))).isEqualTo("primary: 100\nburst: 0\n");
        assertThat(workspace.directory().resolve("stray")).doesNotExist();
    }

    private List<String> lsTree() {
        return GitCli.run(bare, "ls-tree", "-r", "--name-only", "refs/heads/main")
                .lines().toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
