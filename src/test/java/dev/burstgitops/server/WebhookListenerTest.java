package dev.burstgitops.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.config.Secret;
import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import dev.burstgitops.testing.CapturedLogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * The webhook has a listener of its own, so that an ingress routed to its port reaches
 * {@code POST /hooks/git} and nothing else, and both listeners bind only the configured address.
 */
class WebhookListenerTest {

    private static final String SECRET = "s3cr3t-webhook-value";
    private static final byte[] PUSH = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);

    private final RecordingListener listener = new RecordingListener();

    @Test
    void theWebhookIsServedOnItsOwnPortAndNowhereElse() {
        try (RunningServer server = start("127.0.0.1", Optional.of(Secret.of(SECRET, "test")))) {
            assertThat(server.webhookPort()).isNotEqualTo(server.port());

            assertThat(server.call(signedPush(server.webhookRequest("/hooks/git"))).status()).isEqualTo(202);
            RunningServer.Reply onProbePort = server.call(signedPush(server.request("/hooks/git")));

            // The same signed delivery on the probes' port reaches no listener and says where to go.
            assertThat(onProbePort.status()).isEqualTo(404);
            assertThat(onProbePort.body()).contains("server.webhookPort");
            assertThat(listener.deliveries()).containsExactly("push d-1");
        }
    }

    @Test
    void theWebhookPortAnswersNothingButTheWebhook() {
        try (RunningServer server = start("127.0.0.1", Optional.of(Secret.of(SECRET, "test")))) {
            for (String path : new String[] {"/healthz", "/readyz", "/metrics", "/status"}) {
                assertThat(server.get(path).status()).as("%s on the probes' port", path).isEqualTo(200);
                assertThat(server.call(server.webhookRequest(path).get().build()).status())
                        .as("%s on the webhook's port", path).isEqualTo(404);
            }
        }
    }

    @Test
    void withoutASecretNoWebhookListenerIsOpenedAndTheLogSaysSo() {
        try (CapturedLogs logs = CapturedLogs.capture();
             RunningServer server = start("127.0.0.1", Optional.empty())) {
            assertThat(server.get("/healthz").status()).isEqualTo(200);
            assertThat(logs.lines()).anyMatch(line -> line.contains("Webhook disabled: no webhook secret configured"));
        }
        try (ControllerHttpServer server = ControllerHttpServer.start(
                ServerSettings.of("127.0.0.1", 0, Optional.empty()), inputs())) {
            assertThat(server.webhookPort()).isEmpty();
        }
    }

    @Test
    void bothListenersBindOnlyTheConfiguredAddress() {
        // 127.0.0.0/8 is all loopback on Linux: a listener bound to 127.0.0.2 must refuse 127.0.0.1.
        try (ControllerHttpServer server = ControllerHttpServer.start(
                ServerSettings.of("127.0.0.2", 0, Optional.of(Secret.of(SECRET, "test"))), inputs())) {
            int port = server.port();
            int webhookPort = server.webhookPort().orElseThrow();

            assertThat(connects("127.0.0.2", port)).isTrue();
            assertThat(connects("127.0.0.2", webhookPort)).isTrue();
            assertThat(connects("127.0.0.1", port)).isFalse();
            assertThat(connects("127.0.0.1", webhookPort)).isFalse();
        }
    }

    @Test
    void aTakenWebhookPortFailsTheStartNamingItAndReleasesTheProbePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
             ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int probePort = probe.getLocalPort();
            probe.close();
            ServerSettings settings = ServerSettings.of("127.0.0.1", probePort, taken.getLocalPort(),
                    Optional.of(Secret.of(SECRET, "test")));

            assertThatThrownBy(() -> ControllerHttpServer.start(settings, inputs()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
            // Nothing half-started is left holding the probes' port.
            assertThat(connects("127.0.0.1", probePort)).isFalse();
        }
    }

    @Test
    void theWebhookCannotShareThePortOfTheProbes() {
        assertThatThrownBy(() -> ServerSettings.of("127.0.0.1", 8080, 8080, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8080");
        assertThatThrownBy(() -> ServerSettings.of("127.0.0.1", 8080, 70000, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    }

    private RunningServer start(String address, Optional<Secret> secret) {
        return RunningServer.start(ServerSettings.of(address, 0, secret), new ServerInputs(new ControllerMetrics(),
                new LoopHealth(Clock.systemUTC()), new Readiness(), Map::of, listener));
    }

    private ServerInputs inputs() {
        return new ServerInputs(new ControllerMetrics(), new LoopHealth(Clock.systemUTC()), new Readiness(),
                Map::of, listener);
    }

    private static Request signedPush(Request.Builder target) {
        return target.header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "d-1")
                .header("X-Hub-Signature-256", WebhookEndpointTest.signature(PUSH))
                .post(RequestBody.create(PUSH, MediaType.get("application/json"))).build();
    }

    private static boolean connects(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
