package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burstgitops.testing.GitHttpServer;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retry loop against a remote whose pre-receive hook refuses pushes, as branch protection
 * does. The remote is C git behind smart HTTP: JGit pushes to a {@code file:} remote in-process,
 * where the remote's hooks do not run.
 */
class ChangePublisherTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final CommitIdentity IDENTITY = new CommitIdentity("burst-gitops", "burst-gitops@example.com");

    @TempDir
    Path tmp;
    GitHttpServer server;
    Path bare;
    JGitWorkspace workspace;
    final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void createRemote() {
        server = GitHttpServer.start(tmp.resolve("server"));
        bare = server.createRepository("fleet", Map.of("weights.yaml", "burst: 0\n"));
        GitCredentials credentials = new GitCredentials(server.username(), server.token());
        workspace = new JGitWorkspace(
                new GitRemote(server.url("fleet"), "main", tmp.resolve("checkout"), Optional.of(credentials)),
                IDENTITY, CLOCK);
    }

    @AfterEach
    void closeWorkspaceAndServer() {
        workspace.close();
        server.close();
    }

    private Optional<CommitRequest> countedChange(WorkingTree tree) {
        attempts.incrementAndGet();
        GitRemoteContract.write(tree.directory().resolve("weights.yaml"), "burst: 100\n");
        return Optional.of(CommitRequest.of(CommitMessage.of("burst(worker): natural -> burst"), "weights.yaml"));
    }

    @Test
    void aPushRefusedByARemoteHookIsRetriedFromRefreshUntilTheHookAccepts() throws Exception {
        // The hook refuses while its marker exists and removes it: one refusal, then acceptance.
        Path marker = tmp.resolve("refuse-once");
        GitRemoteContract.write(marker, "");
        GitRemotes.installPreReceiveHook(bare,
                "if [ -e '" + marker + "' ]; then rm '" + marker + "'; echo 'branch is frozen' >&2; exit 1; fi");

        PublishResult result = new ChangePublisher(workspace, PublishRetry.immediately(5)).publish(this::countedChange);

        GitLoggedCommit head = GitRemotes.log(bare).get(0);
        assertThat(result).isEqualTo(new PublishResult.Published(head.id(), 2));
        assertThat(attempts).hasValue(2);
    }

    @Test
    void publishingGivesUpAfterTheConfiguredNumberOfRejectedAttemptsAndLeavesTheRemoteAlone() throws Exception {
        GitRemotes.installPreReceiveHook(bare, "echo 'branch is frozen' >&2; exit 1");

        PublishResult result = new ChangePublisher(workspace, PublishRetry.immediately(3)).publish(this::countedChange);

        assertThat(result).isInstanceOfSatisfying(PublishResult.GaveUp.class, gaveUp -> {
            assertThat(gaveUp.attempts()).isEqualTo(3);
            assertThat(gaveUp.lastRejection()).startsWith("rejected by the remote").contains("hook declined");
        });
        assertThat(attempts).hasValue(3);
        assertThat(GitRemotes.log(bare)).hasSize(1);
    }

    @Test
    void aFailureOtherThanARejectionIsAnExceptionAndIsNotRetried() throws Exception {
        workspace.refresh();
        GitRemoteContract.delete(bare.resolve("HEAD"));

        assertThat(catchThrowableOfType(GitException.class,
                () -> new ChangePublisher(workspace, PublishRetry.immediately(5)).publish(this::countedChange)))
                .hasMessageStartingWith("fetch from " + server.url("fleet") + " failed: ");
        assertThat(attempts).hasValue(0);
    }
}
