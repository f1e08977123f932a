package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.bundled.BuildInfo;
import dev.burstgitops.testing.GitRemotes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as the image starts it, as a real process against a real Git remote: it binds
 * {@code server.address} only, serves the webhook on {@code server.webhookPort} alone, shows its
 * build in {@code /status} and {@code /metrics}, and, with a {@code user.home} that cannot exist
 * (the image's {@code /nonexistent}), starts without an ERROR.
 */
class RunListenersTest {

    private static final String SECRET = "webhook-secret-0815";
    /** Loopback, but not 127.0.0.1: a listener on every interface would also answer there. */
    private static final String ADDRESS = "127.0.0.2";

    @TempDir
    Path dir;

    private Process process;
    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void bindsTheConfiguredAddressServesTheWebhookAloneOnItsPortAndShowsItsBuild() throws Exception {
        int[] ports = freePorts();
        process = start(ports[0], ports[1]);
        String base = "http://" + ADDRESS + ":" + ports[0];
        String hooks = "http://" + ADDRESS + ":" + ports[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> status(base + "/readyz") == 200);

        assertThat(connects("127.0.0.1", ports[0])).as("probes' port on 127.0.0.1").isFalse();
        assertThat(connects("127.0.0.1", ports[1])).as("webhook's port on 127.0.0.1").isFalse();

        BuildInfo build = BuildInfo.current();
        JsonNode status = new ObjectMapper().readTree(body(base + "/status"));
        assertThat(status.path("build").path("version").asText()).isEqualTo(build.version());
        assertThat(status.path("build").path("commit").asText()).isEqualTo(build.commit());
        assertThat(body(base + "/metrics")).contains("burst_gitops_build_info{commit=\"" + build.commit()
                + "\",version=\"" + build.version() + "\"} 1");

        assertThat(push(hooks)).isEqualTo(202);
        assertThat(push(base)).as("a delivery to the probes' port").isEqualTo(404);
        assertThat(status(hooks + "/status")).as("/status on the webhook's port").isEqualTo(404);
        assertThat(status(hooks + "/metrics")).as("/metrics on the webhook's port").isEqualTo(404);

        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        String log = Files.readString(dir.resolve("run.log"));
        assertThat(log).contains("HTTP server listening on " + ADDRESS + ":" + ports[0])
                .contains("Webhook listening on " + ADDRESS + ":" + ports[1])
                .doesNotContain(SECRET);
        // user.home cannot be created, as in the image: JGit must not have logged an error about it.
        assertThat(log).doesNotContain("ERROR").doesNotContain("\tat org.eclipse.jgit");
    }

    private Process start(int port, int webhookPort) throws IOException {
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of("README.md", "fleet\n"));
        Files.writeString(dir.resolve("webhook"), SECRET);
        Files.writeString(dir.resolve("not-a-directory"), "");
        Path config = Files.writeString(dir.resolve("burst-gitops.yaml"), """
                git:
                  url: '%s'
                  checkoutDir: checkout
                  pollInterval: 1h
                clusters: []
                server:
                  address: %s
                  port: %d
                  webhookPort: %d
                  webhookSecretFile: webhook
                """.formatted(remote.toUri(), ADDRESS, port, webhookPort));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java,
                "-Duser.home=" + dir.resolve("not-a-directory/home"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).directory(dir.toFile());
        builder.environment().put("HOME", Files.createDirectory(dir.resolve("home")).toString());
        return builder.start();
    }

    private int push(String base) throws Exception {
        byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Request request = new Request.Builder().url(base + "/hooks/git")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "run-1")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            return response.code();
        }
    }

    private int status(String url) {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.code();
        } catch (IOException e) {
            return -1;
        }
    }

    private String body(String url) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(response.code()).as(url).isEqualTo(200);
            return response.body().string();
        }
    }

    private static boolean connects(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    /** Two distinct free ports, both held until both are known. */
    private static int[] freePorts() throws IOException {
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }
}
