package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the checkout directory is cloned, reused and refused. */
class JGitWorkspaceCheckoutTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final CommitIdentity IDENTITY = new CommitIdentity("burst-gitops", "burst-gitops@example.com");

    @TempDir
    Path tmp;
    Path bare;

    @BeforeEach
    void createRemote() {
        bare = GitRemotes.createBare(tmp.resolve("fleet.git"), Map.of("README.md", "fleet\n"));
    }

    private JGitWorkspace workspace(URI url, String branch, Path checkout) {
        return new JGitWorkspace(GitRemote.anonymous(url, branch, checkout), IDENTITY, CLOCK);
    }

    @Test
    void aPlainPathWorksAsTheRemoteUrl() throws Exception {
        try (JGitWorkspace workspace = workspace(URI.create(bare.toString()), "main", tmp.resolve("checkout"))) {
            assertThat(workspace.refresh()).isEqualTo(GitRemotes.log(bare).get(0).id());
            assertThat(workspace.directory().resolve("README.md")).hasContent("fleet");
        }
    }

    @Test
    void theCheckoutIsClonedOnceAndLaterRefreshesFetchTheNewCommits() throws Exception {
        Path checkout = tmp.resolve("checkout");
        try (JGitWorkspace first = workspace(bare.toUri(), "main", checkout)) {
            first.refresh();
        }
        Path marker = Files.writeString(checkout.resolve(".git/left-by-the-first-clone"), "");
        String theirs = GitClient.clone(bare.toString(), tmp.resolve("person"), "main")
                .write("README.md", "fleet of two\n").commitAndPush(GitAuthor.ALICE, "readme");

        try (JGitWorkspace second = workspace(bare.toUri(), "main", checkout)) {
            assertThat(second.refresh()).isEqualTo(theirs);
        }
        assertThat(marker).exists();
        assertThat(checkout.resolve("README.md")).hasContent("fleet of two");
    }

    @Test
    void aCheckoutOfAnotherRemoteIsRefusedNamingBothUrls() throws Exception {
        Path other = GitRemotes.createBare(tmp.resolve("other.git"), Map.of("x", "y\n"));
        Path checkout = tmp.resolve("checkout");
        try (JGitWorkspace workspace = workspace(other.toUri(), "main", checkout)) {
            workspace.refresh();
        }

        try (JGitWorkspace workspace = workspace(bare.toUri(), "main", checkout)) {
            assertThat(catchThrowableOfType(GitException.class, workspace::refresh))
                    .hasMessageContaining("checkout directory " + checkout + " is a clone of " + other.toUri())
                    .hasMessageContaining("not of " + bare.toUri());
        }
    }

    @Test
    void aNonEmptyDirectoryWithoutARepositoryIsRefused() throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.writeString(checkout.resolve("notes.txt"), "mine\n");

        try (JGitWorkspace workspace = workspace(bare.toUri(), "main", checkout)) {
            assertThat(catchThrowableOfType(GitException.class, workspace::refresh))
                    .hasMessage("checkout directory " + checkout + " is not empty and holds no Git repository");
        }
        assertThat(checkout.resolve("notes.txt")).exists();
    }

    @Test
    void aRemoteWithoutTheBranchIsAClearErrorOnCloneAndOnFetch() throws Exception {
        try (JGitWorkspace workspace = workspace(bare.toUri(), "release", tmp.resolve("fresh"))) {
            assertThat(catchThrowableOfType(GitException.class, workspace::refresh))
                    .hasMessageContaining("has no branch 'release'");
        }
        Path checkout = tmp.resolve("checkout");
        try (JGitWorkspace workspace = workspace(bare.toUri(), "main", checkout)) {
            workspace.refresh();
        }
        try (JGitWorkspace workspace = workspace(bare.toUri(), "release", checkout)) {
            assertThat(catchThrowableOfType(GitException.class, workspace::refresh))
                    .hasMessage("remote " + bare.toUri() + " has no branch 'release'");
        }
    }

    @Test
    void anEmptyRemoteHasNoBranchYet() {
        Path empty = GitRemotes.createEmptyBare(tmp.resolve("empty.git"), "main");

        try (JGitWorkspace workspace = workspace(empty.toUri(), "main", tmp.resolve("checkout"))) {
            assertThat(catchThrowableOfType(GitException.class, workspace::refresh))
                    .hasMessageContaining("has no branch 'main'");
        }
    }

    @Test
    void committingBeforeTheFirstRefreshIsAProgrammingError() {
        try (JGitWorkspace workspace = workspace(bare.toUri(), "main", tmp.resolve("checkout"))) {
            assertThat(catchThrowableOfType(IllegalStateException.class,
                    () -> workspace.commitAndPush(CommitRequest.of(CommitMessage.of("x"), "README.md"))))
                    .hasMessageContaining("refresh()");
        }
    }
}
