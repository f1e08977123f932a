package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.burstgitops.testing.CapturedLogs;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A working copy damaged between passes — as a {@code kill -9} or a bad disk leaves it — is moved
 * aside and cloned afresh on the next refresh, which then succeeds at the remote's head.
 */
class JGitWorkspaceRepairTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final CommitIdentity IDENTITY = new CommitIdentity("burst-gitops", "burst-gitops@example.com");

    @TempDir
    Path tmp;
    Path bare;
    Path checkout;
    JGitWorkspace workspace;

    @BeforeEach
    void cloneOnce() throws Exception {
        bare = GitRemotes.createBare(tmp.resolve("fleet.git"),
                Map.of("README.md", "fleet\n", "apps/worker.yaml", "weight: 100\n"));
        checkout = tmp.resolve("checkout");
        workspace = new JGitWorkspace(GitRemote.anonymous(bare.toUri(), "main", checkout), IDENTITY, CLOCK);
        workspace.refresh();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void aStaleIndexLockIsMovedAsideAndTheNextRefreshReachesTheRemoteHead() throws Exception {
        Files.writeString(checkout.resolve(".git/index.lock"), "");

        assertHealed("stale lock .git/index.lock", ".git/index.lock");
    }

    @Test
    void aStaleBranchRefLockIsMovedAsideAndTheNextRefreshReachesTheRemoteHead() throws Exception {
        Files.writeString(checkout.resolve(".git/refs/heads/main.lock"), "");

        assertHealed("stale lock .git/refs/heads/main.lock", ".git/refs/heads/main.lock");
    }

    @Test
    void aDeletedIndexNeedsNoMoveJGitWritesItAnewAndTheNextRefreshReachesTheRemoteHead() throws Exception {
        Files.delete(checkout.resolve(".git/index"));
        String theirs = GitClient.clone(bare.toString(), tmp.resolve("person"), "main")
                .write("README.md", "fleet of two\n").commitAndPush(GitAuthor.ALICE, "readme");

        assertThat(workspace.refresh()).isEqualTo(theirs);

        assertThat(checkout.resolve(".git/index")).isNotEmptyFile();
        try (Git git = Git.open(checkout.toFile())) {
            assertThat(git.status().call().isClean()).isTrue();
        }
        assertThat(brokenCheckouts()).isEmpty();
    }

    @Test
    void aTruncatedIndexIsMovedAsideAndTheNextRefreshReachesTheRemoteHead() throws Exception {
        Files.write(checkout.resolve(".git/index"), new byte[0]);

        assertHealed("the index .git/index cannot be read", ".git/index");
    }

    @Test
    void aMissingObjectFileIsMovedAsideAndTheNextRefreshReachesTheRemoteHead() throws Exception {
        Files.writeString(checkout.resolve("apps/worker.yaml"), "weight: 0\n");
        PushOutcome pushed = workspace.commitAndPush(CommitRequest.of(CommitMessage.of("burst"), "apps/worker.yaml"));
        assertThat(pushed).isInstanceOf(PushOutcome.Pushed.class);
        // The tree of apps/ in the controller's own commit, written as a loose object and lost (a
        // disk that never synced it). The checkout still claims the commit, so a fetch does not bring it again.
        String tree = GitClient.clone(bare.toString(), tmp.resolve("reader"), "main")
                .git("rev-parse", "HEAD:apps").strip();
        Files.delete(checkout.resolve(".git/objects/" + tree.substring(0, 2) + "/" + tree.substring(2)));

        assertHealed("object " + tree + " is missing", ".git/HEAD");
        assertThat(checkout.resolve("apps/worker.yaml")).hasContent("weight: 0");
    }

    @Test
    void atMostOneBrokenCheckoutIsKept() throws Exception {
        Files.writeString(checkout.resolve(".git/index.lock"), "");
        workspace.refresh();
        Files.writeString(checkout.resolve(".git/index.lock"), "");
        workspace.refresh();
        workspace.close();
        Files.writeString(checkout.resolve(".git/index.lock"), "");
        workspace = new JGitWorkspace(GitRemote.anonymous(bare.toUri(), "main", checkout), IDENTITY,
                Clock.offset(CLOCK, java.time.Duration.ofHours(1)));
        workspace.refresh();

        assertThat(brokenCheckouts()).hasSize(1).first().asString().endsWith("checkout.broken-20260301T130000Z");
    }

    @Test
    void aFailingRemoteIsNotMistakenForDamage() throws Exception {
        Files.move(bare, tmp.resolve("gone.git"));

        assertThat(catchThrowableOfType(GitException.class, workspace::refresh)).hasMessageContaining("fetch from");
        assertThat(brokenCheckouts()).isEmpty();
        assertThat(checkout.resolve(".git")).isDirectory();
    }

    /** A person moves the branch on, the next refresh heals the damage and lands on their commit. */
    private void assertHealed(String reason, String keptInTheBrokenCopy) throws IOException, GitException {
        String theirs = GitClient.clone(bare.toString(), tmp.resolve("person"), "main")
                .write("README.md", "fleet of two\n").commitAndPush(GitAuthor.ALICE, "readme");

        try (CapturedLogs logs = CapturedLogs.capture()) {
            assertThat(workspace.refresh()).isEqualTo(theirs).isEqualTo(GitRemotes.log(bare).get(0).id());
            assertThat(logs.linesAt(Level.WARN)).filteredOn(line -> line.contains("damaged"))
                    .singleElement().asString().contains(reason).contains("checkout.broken-20260301T120000Z");
        }
        assertThat(checkout.resolve("README.md")).hasContent("fleet of two");
        assertThat(brokenCheckouts()).singleElement()
                .satisfies(broken -> assertThat(broken.resolve(keptInTheBrokenCopy)).exists());
        // And the healed checkout goes on working: the next refresh needs no repair.
        try (CapturedLogs logs = CapturedLogs.capture()) {
            assertThat(workspace.refresh()).isEqualTo(theirs);
            assertThat(logs.linesAt(Level.WARN)).isEmpty();
        }
    }

    private List<Path> brokenCheckouts() throws IOException {
        try (Stream<Path> siblings = Files.list(tmp)) {
            return siblings.filter(p -> p.getFileName().toString().startsWith("checkout.broken-")).toList();
        }
    }
}
