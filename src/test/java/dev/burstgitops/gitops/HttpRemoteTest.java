package dev.burstgitops.gitops;

import dev.burstgitops.testing.CapturedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burstgitops.config.Secret;
import dev.burstgitops.config.SecretRef;
import dev.burstgitops.testing.GitHttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract against C git's smart-HTTP server behind lighttpd with basic auth and
 * {@code receive.denyNonFastForwards}, plus what only HTTP has: credentials.
 */
class HttpRemoteTest extends GitRemoteContract {

    private static final String WRONG_TOKEN = "wrong-token-5f1d0c9e";

    private GitHttpServer server;

    @Override
    Path createRemote(Path workDir, Map<String, String> files) {
        server = GitHttpServer.start(workDir);
        return server.createRepository("fleet", files);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    GitRemote remoteFor(Path checkoutDir) {
        return remoteWith(checkoutDir, Optional.of(new GitCredentials(server.username(), server.token())));
    }

    @Override
    String secondClientUrl() {
        return server.authenticatedUrl("fleet");
    }

    private GitRemote remoteWith(Path checkoutDir, Optional<GitCredentials> credentials) {
        return new GitRemote(server.url("fleet"), "main", checkoutDir, credentials);
    }

    @Test
    void wrongCredentialsFailWithAClearMessageAndTheTokenAppearsInNoMessageOrLogLine() {
        GitRemote remote = remoteWith(tmp.resolve("checkout"),
                Optional.of(new GitCredentials("burst-gitops", Secret.of(WRONG_TOKEN, "test"))));

        GitException failure;
        try (CapturedLogs logs = CapturedLogs.capture();
             JGitWorkspace workspace = new JGitWorkspace(remote, IDENTITY, Clock.systemUTC())) {
            failure = catchThrowableOfType(GitException.class, workspace::refresh);
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(WRONG_TOKEN));
        }

        assertThat(failure).hasMessage("authentication failed for http://127.0.0.1:" + server.port()
                + "/fleet.git (user burst-gitops)").hasCauseInstanceOf(Exception.class);
        assertThat(stackTraceOf(failure)).doesNotContain(WRONG_TOKEN).doesNotContain(server.token().reveal());
    }

    @Test
    void theRightTokenAppearsInNoLogLineOfACompletePublish() throws Exception {
        try (CapturedLogs logs = CapturedLogs.capture()) {
            publisher(workspace("checkout")).publish(tree -> writeWeights(tree.directory(), "primary: 0\nburst: 100\n"));

            assertThat(logs.lines()).anyMatch(line -> line.contains("pushed "))
                    .noneMatch(line -> line.contains(server.token().reveal()));
        }
    }

    @Test
    void aTokenFileGoneAfterStartFailsTheFetchAsAGitFailureNamingTheKey() throws Exception {
        Path tokenFile = Files.writeString(tmp.resolve("token"), server.token().reveal() + "\n");
        GitRemote remote = remoteWith(tmp.resolve("checkout"), Optional.of(new GitCredentials("burst-gitops",
                SecretRef.file("git.auth.tokenFile", tokenFile).readWhenUsed())));
        Files.delete(tokenFile);

        try (JGitWorkspace workspace = new JGitWorkspace(remote, IDENTITY, Clock.systemUTC())) {
            GitException failure = catchThrowableOfType(GitException.class, workspace::refresh);

            assertThat(failure).hasMessageStartingWith("cannot reach http://127.0.0.1:" + server.port() + "/fleet.git: ")
                    .hasMessageContaining("git.auth.tokenFile");
            assertThat(stackTraceOf(failure)).doesNotContain(server.token().reveal());
        }
    }

    @Test
    void withoutCredentialsTheMessageSaysNoneWereConfigured() {
        try (JGitWorkspace workspace = new JGitWorkspace(remoteWith(tmp.resolve("checkout"), Optional.empty()),
                IDENTITY, Clock.systemUTC())) {
            assertThat(catchThrowableOfType(GitException.class, workspace::refresh))
                    .hasMessage("authentication failed for http://127.0.0.1:" + server.port()
                            + "/fleet.git (no credentials configured)");
        }
    }

    @Test
    void aUserNameInTheUrlIsLeftOutOfMessages() {
        URI withUser = URI.create("http://someone@127.0.0.1:" + server.port() + "/fleet.git");
        GitRemote remote = new GitRemote(withUser, "main", tmp.resolve("checkout"),
                Optional.of(new GitCredentials("burst-gitops", Secret.of(WRONG_TOKEN, "test"))));

        try (JGitWorkspace workspace = new JGitWorkspace(remote, IDENTITY, Clock.systemUTC())) {
            assertThat(catchThrowableOfType(GitException.class, workspace::refresh).getMessage())
                    .startsWith("authentication failed for http://127.0.0.1:")
                    .doesNotContain("someone");
        }
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
