package dev.burstgitops.gitops.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.config.SecretRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token file read at each use may be rotated while a request is under way. The forge echoes
 * the token the request carried, so that is the one to mask, however the file reads by then.
 */
class ForgeTokenRotationTest {

    private static final String OLD = "gta_4f9c2e7b1a8d3f6e0c5b9a2d7e1f4c8b3a6d9e2f";
    private static final String NEW = "gta_9e1d4c7b2a5f8e3d6c9b1a4f7e2d5c8b1a4f7e0d";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path tokenFile;
    final MockWebServer server = new MockWebServer();
    /** What happens to the token file while the forge is answering. */
    Consumer<Path> meanwhile = file -> { };
    PullRequestProvider gitea;

    @BeforeEach
    void startAForgeThatEchoesTheAuthorizationHeader() throws Exception {
        tokenFile = tmp.resolve("token");
        Files.writeString(tokenFile, OLD + "\n");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                meanwhile.accept(tokenFile);
                String echo = "invalid credentials in header: Authorization: " + request.getHeader("Authorization");
                try {
                    return new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                            .setBody(JSON.writeValueAsString(Map.of("message", echo)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        server.start();
        gitea = PullRequestProviders.create("gitea", server.url("/").uri(), "acme/fleet",
                SecretRef.file("git.pullRequest.tokenFile", tokenFile).readWhenUsed(), false, ForgeRetry.none(),
                ForgeServer.CLOCK);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void theTokenARequestCarriedIsMaskedInItsErrorEvenWhenTheFileWasRotatedMeanwhile() throws Exception {
        meanwhile = file -> write(file, NEW + "\n");

        Throwable failure = catchThrowable(this::findOpen);

        assertThat(failure).isInstanceOf(ForgeException.class)
                .hasMessageContaining("Authorization: token ****")
                .hasMessageNotContaining(OLD).hasMessageNotContaining(NEW);
    }

    @Test
    void aTokenFileUnreadableWhileTheForgeAnswersStillGivesTheForgesError() throws Exception {
        meanwhile = file -> delete(file);

        Throwable failure = catchThrowable(this::findOpen);

        assertThat(failure).isInstanceOfSatisfying(ForgeException.class,
                forge -> assertThat(forge.kind()).isEqualTo(ForgeException.Kind.AUTHENTICATION))
                .hasMessageNotContaining(OLD);
    }

    @Test
    void aTokenFileRotatedToEmptyDoesNotGarbleTheMessage() throws Exception {
        meanwhile = file -> write(file, "");

        Throwable failure = catchThrowable(this::findOpen);

        assertThat(failure).isInstanceOf(ForgeException.class)
                .hasMessageContaining("invalid credentials in header: Authorization: token ****")
                .hasMessageNotContaining(OLD);
        // The next request carries the empty token; there is nothing to mask, and nothing is garbled.
        meanwhile = file -> { };
        assertThat(catchThrowable(this::findOpen)).isInstanceOf(ForgeException.class)
                .hasMessageContaining("invalid credentials in header: Authorization: token")
                .hasMessageNotContaining("****");
    }

    private void findOpen() throws Exception {
        gitea.findOpen(Drafts.HEAD, Drafts.BASE);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
