package dev.burstgitops.server;

import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import dev.burstgitops.testing.CapturedLogs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST /hooks/git over real HTTP, as GitHub, Gitea and GitLab send it, to the webhook's own port. */
class WebhookEndpointTest {

    private static final String SECRET = "s3cr3t-webhook-value";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final byte[] PUSH = "{\"ref\":\"refs/heads/main\",\"after\":\"3f2a1c9\"}".getBytes(StandardCharsets.UTF_8);
    private static final int SMALL_LIMIT = 1024;

    private final RecordingListener listener = new RecordingListener();
    private final RunningServer server = start(ServerSettings.DEFAULT_WEBHOOK_MAX_BODY_BYTES);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDeliverySignedWithTheSecretIsAcceptedWith202AndReachesTheListener() throws Exception {
        RunningServer.Reply reply = server.call(githubPush(server, PUSH, signature(PUSH)));

        assertThat(reply.status()).isEqualTo(202);
        JsonNode body = new ObjectMapper().readTree(reply.body());
        assertThat(body.get("status").asText()).isEqualTo("accepted");
        assertThat(body.get("delivery").asText()).isEqualTo("d-1");
        // Called on the request thread before the answer: no waiting needed to see it.
        assertThat(listener.deliveries()).containsExactly("push d-1");
    }

    @Test
    void aWrongSignatureIs401AndTheListenerHearsNothing() {
        byte[] other = "{\"ref\":\"refs/heads/evil\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(server.call(githubPush(server, PUSH, signature(other))).status()).isEqualTo(401);
        assertThat(listener.deliveries()).isEmpty();
    }

    @Test
    void aGiteaDeliveryWithOnlyXGiteaSignatureIsAccepted() {
        RunningServer.Reply reply = server.call(giteaPush(server, PUSH, signature(PUSH).substring("sha256=".length())));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(listener.deliveries()).containsExactly("push g-1");
    }

    @Test
    void aGiteaDeliveryWhoseXGiteaSignatureDoesNotMatchIs401ForThatReason() {
        byte[] other = "{\"ref\":\"refs/heads/evil\"}".getBytes(StandardCharsets.UTF_8);
        try (CapturedLogs logs = CapturedLogs.capture()) {
            RunningServer.Reply reply = server.call(giteaPush(server, PUSH, signature(other).substring("sha256=".length())));

            assertThat(reply.status()).isEqualTo(401);
            assertThat(logs.lines()).anyMatch(line -> line.contains("refused: X-Gitea-Signature does not match the body"));
        }
        assertThat(listener.deliveries()).isEmpty();
    }

    @Test
    void aMissingSignatureIs401AndTheListenerHearsNothing() {
        Request unsigned = server.webhookRequest("/hooks/git").header("X-GitHub-Event", "push")
                .post(RequestBody.create(PUSH, JSON_TYPE)).build();

        assertThat(server.call(unsigned).status()).isEqualTo(401);
        assertThat(listener.deliveries()).isEmpty();
    }

    @Test
    void gitlabsTokenFormIsAcceptedWhenTheTokenIsTheSecret() {
        Request gitlab = server.webhookRequest("/hooks/git")
                .header("X-Gitlab-Event", "Push Hook").header("X-Gitlab-Event-UUID", "g-7")
                .header("X-Gitlab-Token", SECRET)
                .post(RequestBody.create(PUSH, JSON_TYPE)).build();

        assertThat(server.call(gitlab).status()).isEqualTo(202);
        assertThat(listener.deliveries()).containsExactly("Push Hook g-7");
    }

    @Test
    void gitlabsTokenFormWithAWrongTokenIs401() {
        Request gitlab = server.webhookRequest("/hooks/git").header("X-Gitlab-Event", "Push Hook")
                .header("X-Gitlab-Token", SECRET.substring(1))
                .post(RequestBody.create(PUSH, JSON_TYPE)).build();

        assertThat(server.call(gitlab).status()).isEqualTo(401);
        assertThat(listener.deliveries()).isEmpty();
    }

    @Test
    void aBodyOverTheDefaultMebibyteIs413EvenWhenCorrectlySigned() {
        byte[] big = new byte[ServerSettings.DEFAULT_WEBHOOK_MAX_BODY_BYTES + 1];
        Arrays.fill(big, (byte) ' ');

        assertThat(server.call(githubPush(server, big, signature(big))).status()).isEqualTo(413);
        assertThat(listener.deliveries()).isEmpty();
    }

    @Test
    void aBodyOfExactlyTheLimitIsStillAccepted() {
        try (RunningServer small = start(SMALL_LIMIT)) {
            byte[] exact = new byte[SMALL_LIMIT];
            Arrays.fill(exact, (byte) ' ');

            assertThat(small.call(githubPush(small, exact, signature(exact))).status()).isEqualTo(202);
        }
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsCutAtTheLimitAndRefusedWith413() {
        try (RunningServer small = start(SMALL_LIMIT)) {
            byte[] over = new byte[SMALL_LIMIT + 1];
            Arrays.fill(over, (byte) ' ');
            Request chunked = small.webhookRequest("/hooks/git").header("X-GitHub-Event", "push")
                    .header("X-Hub-Signature-256", signature(over))
                    .post(chunkedBody(over)).build();

            assertThat(small.call(chunked).status()).isEqualTo(413);
            assertThat(listener.deliveries()).isEmpty();
        }
    }

    @Test
    void anythingButPostIs405() {
        RunningServer.Reply reply = server.call(server.webhookRequest("/hooks/git").get().build());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.headers().get("Allow")).isEqualTo("POST");
    }

    @Test
    void aListenerThatFailsMakesTheDeliveryA500SoTheForgeShowsIt() {
        try (RunningServer failing = RunningServer.start(settings(SMALL_LIMIT), inputs((event, delivery) -> {
            throw new IllegalStateException("trigger queue closed");
        }))) {
            assertThat(failing.call(githubPush(failing, PUSH, signature(PUSH))).status()).isEqualTo(500);
        }
    }

    @Test
    void theSecretAppearsInNoResponseAndNoLogLine() {
        StringBuilder bodies = new StringBuilder();
        try (CapturedLogs logs = CapturedLogs.capture()) {
            for (Request request : new Request[] {
                    githubPush(server, PUSH, signature(PUSH)),
                    githubPush(server, PUSH, "sha256=" + "ab".repeat(32)),
                    githubPush(server, PUSH, "sha256=not-hex-" + SECRET),
                    server.webhookRequest("/hooks/git").header("X-Gitlab-Token", SECRET)
                            .post(RequestBody.create(PUSH, JSON_TYPE)).build(),
                    server.webhookRequest("/hooks/git").header("X-Gitlab-Token", SECRET + "-wrong")
                            .post(RequestBody.create(PUSH, JSON_TYPE)).build()}) {
                RunningServer.Reply reply = server.call(request);
                bodies.append(reply.status()).append(' ').append(reply.body()).append(reply.headers()).append('\n');
            }

            assertThat(bodies.toString()).startsWith("202").contains("401").doesNotContain(SECRET);
            assertThat(logs.lines()).anyMatch(line -> line.contains("refused")).noneMatch(line -> line.contains(SECRET));
            assertThat(logs.lines()).noneMatch(line -> line.contains(signature(PUSH).substring(7)));
        }
    }

    private RunningServer start(int maxBodyBytes) {
        return RunningServer.start(settings(maxBodyBytes), inputs(listener));
    }

    private static ServerSettings settings(int maxBodyBytes) {
        return ServerSettings.of("127.0.0.1", 0, Optional.of(Secret.of(SECRET, "test")))
                .withWebhookMaxBodyBytes(maxBodyBytes);
    }

    private static ServerInputs inputs(WebhookListener webhook) {
        return new ServerInputs(new ControllerMetrics(), new LoopHealth(Clock.systemUTC()), new Readiness(),
                Map::of, webhook);
    }

    private static Request githubPush(RunningServer target, byte[] body, String signature) {
        return target.webhookRequest("/hooks/git")
                .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "d-1")
                .header("X-Hub-Signature-256", signature)
                .post(RequestBody.create(body, JSON_TYPE)).build();
    }

    /** As Gitea and Forgejo send it when only their own header is signed: bare hex, no {@code sha256=}. */
    private static Request giteaPush(RunningServer target, byte[] body, String hexSignature) {
        return target.webhookRequest("/hooks/git")
                .header("X-Gitea-Event", "push").header("X-Gitea-Event-Type", "push").header("X-Gitea-Delivery", "g-1")
                .header("X-Gitea-Signature", hexSignature)
                .post(RequestBody.create(body, JSON_TYPE)).build();
    }

    static String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body of unknown length, so OkHttp sends it chunked and no Content-Length warns the server. */
    private static RequestBody chunkedBody(byte[] bytes) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON_TYPE;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws java.io.IOException {
                sink.write(bytes);
            }
        };
    }
}
