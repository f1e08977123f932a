package dev.burstgitops.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which paths and methods the server answers, and the port it binds. */
class RoutingTest {

    private final RunningServer server = RunningServer.start(ServerSettings.of("127.0.0.1", 0, Optional.empty()),
            new ServerInputs(new ControllerMetrics(), new LoopHealth(Clock.systemUTC()), new Readiness(),
                    Map::of, new RecordingListener()));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void askingForPortZeroBindsAFreePortAndReportsIt() {
        assertThat(server.port()).isBetween(1, 65535);
    }

    @Test
    void everyRouteAnswersGet() {
        assertThat(server.get("/healthz").status()).isEqualTo(200);
        assertThat(server.get("/readyz").status()).isEqualTo(200);
        assertThat(server.get("/metrics").status()).isEqualTo(200);
        assertThat(server.get("/status").status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndPrefixesOfKnownOnesAre404() {
        assertThat(server.get("/").status()).isEqualTo(404);
        assertThat(server.get("/nope").status()).isEqualTo(404);
        assertThat(server.get("/healthzzz").status()).isEqualTo(404);
        assertThat(server.get("/healthz/extra").status()).isEqualTo(404);
    }

    @Test
    void aQueryStringDoesNotChangeTheRoute() {
        assertThat(server.get("/metrics?name[]=burst_gitops_mode").status()).isEqualTo(200);
    }

    @Test
    void writingToAReadOnlyRouteIs405NamingTheAllowedMethods() {
        Request post = server.request("/healthz").post(RequestBody.create("", MediaType.get("text/plain"))).build();

        RunningServer.Reply reply = server.call(post);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.headers().get("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void headAnswersTheStatusWithoutABody() {
        RunningServer.Reply reply = server.call(server.request("/readyz").head().build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void withoutAWebhookSecretTheHookRouteIsNotThereWhateverTheRequest() {
        assertThat(server.get("/hooks/git").status()).isEqualTo(404);
        Request post = server.request("/hooks/git")
                .header("X-Hub-Signature-256", "sha256=" + "00".repeat(32))
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
        assertThat(server.call(post).status()).isEqualTo(404);
    }
}
