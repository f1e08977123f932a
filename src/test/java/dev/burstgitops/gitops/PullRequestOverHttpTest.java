package dev.burstgitops.gitops;

import dev.burstgitops.testing.CapturedLogs;

import static dev.burstgitops.gitops.PullRequestPublisherTest.BURST;
import static dev.burstgitops.gitops.PullRequestPublisherTest.HALF;
import static dev.burstgitops.gitops.PullRequestPublisherTest.NATURAL;
import static dev.burstgitops.gitops.PullRequestPublisherTest.SIDE;
import static dev.burstgitops.gitops.PullRequestPublisherTest.WEIGHTS;
import static dev.burstgitops.gitops.PullRequestPublisherTest.burst;
import static dev.burstgitops.gitops.PullRequestPublisherTest.decision;
import static dev.burstgitops.gitops.PullRequestPublisherTest.stackTraceOf;
import static dev.burstgitops.gitops.PullRequestPublisherTest.wants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burstgitops.testing.GitCli;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitHttpServer;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull-request mode against C git's smart-HTTP server with basic auth, where the remote's hooks
 * run: main is protected the way a forge protects it, and only the side branch may be rewritten.
 */
class PullRequestOverHttpTest {

    /** Refuses to rewind or delete main, like a forge's branch protection; other branches are free. */
    private static final String PROTECT_MAIN = """
            zero=0000000000000000000000000000000000000000
            while read old new ref; do
              if [ "$ref" = refs/heads/main ] && [ "$old" != "$zero" ]; then
                if [ "$new" = "$zero" ] || ! git merge-base --is-ancestor "$old" "$new"; then
                  echo "main is protected" >&2; exit 1
                fi
              fi
            done""";

    @TempDir
    Path tmp;
    GitHttpServer server;
    Path bare;
    JGitWorkspace workspace;
    PullRequestTestForge forge;
    PullRequestPublisher publisher;

    @BeforeEach
    void startServerAndForge() {
        server = GitHttpServer.start(tmp.resolve("server"));
        bare = server.createRepository("fleet", Map.of(WEIGHTS, NATURAL));
        GitCredentials credentials = new GitCredentials(server.username(), server.token());
        workspace = new JGitWorkspace(new GitRemote(server.url("fleet"), "main", tmp.resolve("checkout"),
                Optional.of(credentials)), PullRequestPublisherTest.IDENTITY, Clock.systemUTC());
        forge = new PullRequestTestForge();
        publisher = new PullRequestPublisher(workspace, "worker", forge.sync(), PublishRetry.immediately(3));
    }

    @AfterEach
    void stop() throws IOException {
        workspace.close();
        forge.close();
        server.close();
    }

    @Test
    void onlyTheSideBranchIsRewrittenWhileMainStaysProtectedAndNoTokenIsLogged() throws Exception {
        GitCli.run(bare, "config", "receive.denyNonFastForwards", "false");
        GitRemotes.installPreReceiveHook(bare, PROTECT_MAIN);
        List<GitLoggedCommit> main = GitRemotes.log(bare);

        try (CapturedLogs logs = CapturedLogs.capture()) {
            publisher.publish(burst("17.2"));
            publisher.publish(wants(HALF, decision("natural", "half", "16.0")));

            assertThat(logs.lines()).anyMatch(line -> line.contains("proposed "))
                    .noneMatch(line -> line.contains(server.token().reveal()))
                    .noneMatch(line -> line.contains(PullRequestTestForge.TOKEN.reveal()));
        }

        List<GitLoggedCommit> side = GitRemotes.log(bare, SIDE);
        assertThat(side).hasSize(2);
        assertThat(side.get(0).parents()).containsExactly(main.get(0).id());
        assertThat(GitRemotes.show(bare, SIDE, WEIGHTS)).isEqualTo(HALF);
        assertThat(GitRemotes.log(bare)).isEqualTo(main);
        assertThat(forge.open()).singleElement().extracting(PullRequestTestForge.Pull::number).isEqualTo(42);
    }

    @Test
    void aMergeByAPersonOverHttpLeavesTheNextPassNothingToDo() throws Exception {
        publisher.publish(burst("17.2"));
        GitClient alice = GitClient.clone(server.authenticatedUrl("fleet"), tmp.resolve("alice"), "main");
        alice.git("merge", "--quiet", "--ff-only", "origin/" + SIDE);
        alice.push();
        forge.merge(42);

        PublishResult result = publisher.publish(burst("17.9"));

        assertThat(result).isEqualTo(new PublishResult.NothingToDo(alice.head()));
        assertThat(GitRemotes.show(bare, WEIGHTS)).isEqualTo(BURST);
        assertThat(forge.writes()).containsExactly("POST /repos/acme/fleet/pulls");
    }

    @Test
    void aRemoteThatRefusesToRewriteTheSideBranchSaysWhichBranchesNeedForcePushes() throws Exception {
        // GitRemotes' default: receive.denyNonFastForwards for every branch.
        publisher.publish(burst("17.2"));

        GitException failure = catchThrowableOfType(GitException.class,
                () -> publisher.publish(wants(HALF, decision("natural", "half", "16.0"))));

        assertThat(failure).hasMessageContaining("refuses to let the controller replace " + SIDE)
                .hasMessageContaining("allow force pushes to burst-gitops/*");
        assertThat(stackTraceOf(failure)).doesNotContain(server.token().reveal());
        assertThat(GitRemotes.show(bare, SIDE, WEIGHTS)).isEqualTo(BURST);
    }
}
