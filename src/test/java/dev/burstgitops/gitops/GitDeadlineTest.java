package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Git remote that answers one byte every half second defeats JGit's per-read timeout: the fetch
 * never ends. With {@code git.timeout} it is given up as a failed attempt, and the next attempt
 * fails at once while the given-up one still runs. The remote is a local HTTP server that trickles
 * a smart-HTTP advertisement: no Git server can be made to trickle, which is the point of the test.
 */
class GitDeadlineTest {

    private static final CommitIdentity IDENTITY = new CommitIdentity("burst-gitops", "burst-gitops@example.com");

    @TempDir
    Path dir;

    /** Counted down when the remote is to end its trickle; until then it paces one byte per half second. */
    private final CountDownLatch endTrickle = new CountDownLatch(1);
    private HttpServer server;
    private JGitWorkspace workspace;

    @AfterEach
    void stop() {
        endTrickle.countDown();
        if (workspace != null) {
            workspace.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)  // without the deadline the fetch would never return
    void aTricklingRemoteIsGivenUpAtTheDeadlineAndTheNextFetchDoesNotPileOnIt() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-advertisement");
            exchange.sendResponseHeaders(200, 0);
            byte[] line = "001e# service=git-upload-pack\n".getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; !endTrickle.await(500, TimeUnit.MILLISECONDS); i++) {
                    out.write(line[i % line.length]);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // The client went away: the trickle ends.
            }
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fleet.git");
        workspace = new JGitWorkspace(GitRemote.anonymous(url, "main", dir.resolve("checkout")), IDENTITY,
                Clock.systemUTC(), GitTrust.none(), Duration.ofSeconds(2));

        assertThatThrownBy(workspace::refresh).isInstanceOf(GitException.class)
                .hasMessage("fetch from " + url + " did not finish within 2 s (git.timeout): the remote answers too"
                        + " slowly; given up");
        // The given-up fetch is still reading the trickle: the next does not start a second one beside it.
        assertThatThrownBy(workspace::refresh).isInstanceOf(GitException.class)
                .hasMessageContaining("not started: the fetch from " + url + " given up after 2 s (git.timeout) has"
                        + " still not ended");

        endTrickle.countDown();
        // Once the remote ends the trickle, fetches run again (and fail as this remote is no Git server).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThatThrownBy(workspace::refresh)
                .isInstanceOf(GitException.class).message().doesNotContain("git.timeout"));
    }
}
