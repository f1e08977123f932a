package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitHttpServer;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.PrometheusCounterSeries;
import dev.burstgitops.testing.PrometheusServer;
import dev.burstgitops.testing.RepositoryFiles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as a real process: the real Prometheus at 20 req/s, a smart-HTTP remote with a
 * token, two real API servers; the HTTP surface answers, the webhook triggers a sync, no
 * secret reaches the logs, and SIGTERM ends it with exit code 0.
 */
class RunCommandTest {

    private static final String WEBHOOK_SECRET = "webhook-secret-4711";

    @TempDir
    Path dir;

    private PrometheusServer prometheus;
    private GitHttpServer git;
    private KubeFixture primary;
    private KubeFixture burst;
    private Process process;
    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        prometheus = PrometheusServer.start(List.of(PrometheusCounterSeries.referenceWorker(20)));
        git = GitHttpServer.start(dir.resolve("http"));
        git.createRepository("fleet.git", RepositoryFiles.of("apps", "clusters"));
        primary = KubeFixture.start("primary", dir);
        burst = KubeFixture.start("burst", dir);
        Files.writeString(dir.resolve("token"), git.token().reveal());
        Files.writeString(dir.resolve("webhook"), WEBHOOK_SECRET);
    }

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.destroyForcibly();
        }
        primary.close();
        burst.close();
        git.close();
        prometheus.close();
    }

    @Test
    void servesItsEndpointsBurstsOnTheMetricAndStopsCleanlyOnSigterm() throws Exception {
        int[] ports = freePorts();
        int port = ports[0];
        int webhookPort = ports[1];
        process = start(port, webhookPort);
        String base = "http://127.0.0.1:" + port;
        String hooks = "http://127.0.0.1:" + webhookPort;

        await().atMost(Duration.ofSeconds(60)).until(() -> get(base + "/readyz").code() == 200);
        assertThat(get(base + "/healthz").code()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> weights().equals("0 100"));
        String metrics = get(base + "/metrics").body();
        assertThat(metrics).contains("burst_gitops_mode{mode=\"burst\",policy=\"worker\"} 1.0")
                .contains("burst_gitops_commits_total{policy=\"worker\"} 1.0");
        assertThat(get(base + "/status").body()).contains("\"worker\"").contains("\"mode\":\"burst\"");

        byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(post(hooks + "/hooks/git", body, "sha256=" + hmac(body)).code()).isEqualTo(202);
        assertThat(post(hooks + "/hooks/git", body, "sha256=" + "0".repeat(64)).code()).isEqualTo(401);
        // The webhook has a port of its own; the probes' port does not take deliveries.
        assertThat(post(base + "/hooks/git", body, "sha256=" + hmac(body)).code()).isEqualTo(404);

        process.destroy();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        String logs = Files.readString(dir.resolve("run.log"));
        assertThat(logs).contains("worker: burst at 20 req/s, committed").contains("stopped")
                .doesNotContain(git.token().reveal()).doesNotContain(WEBHOOK_SECRET)
                .doesNotContain("certificate-authority-data").doesNotContain("client-key");
    }

    @Test
    void jsonLogsAreOneFlatObjectPerLineWithTheArgumentsFilledInAndTheContextAsFields() throws Exception {
        int[] ports = freePorts();
        int port = ports[0];
        process = start(port, ports[1], "--log-format", "json");
        String base = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(60)).until(() -> get(base + "/readyz").code() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> weights().equals("0 100"));
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> lines = Files.readAllLines(dir.resolve("run.log")).stream().filter(l -> !l.isBlank()).toList();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> objects = new java.util.ArrayList<>();
        for (String line : lines) {
            objects.add(json.readTree(line)); // every line, or the test fails here naming it
        }
        assertThat(objects).extracting(o -> o.path("message").asText())
                .contains("HTTP server listening on 0.0.0.0:" + port)
                .noneMatch(message -> message.contains("{}"));
        // A sync pass logs in the cluster's context; the pipeline gets it as a field.
        assertThat(objects).anySatisfy(o -> assertThat(o.path("cluster").asText()).isIn("primary", "burst"));
        assertThat(objects).allSatisfy(o -> assertThat(o.path("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));
    }

    @Test
    void aChangedConfigIsAppliedWithoutARestartAndAnInvalidOneIsRefusedWhileTheLastGoodOneRuns() throws Exception {
        int[] ports = freePorts();
        process = start(ports[0], ports[1]);
        String base = "http://127.0.0.1:" + ports[0];
        await().atMost(Duration.ofSeconds(60)).until(() -> get(base + "/readyz").code() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> weights().equals("0 100"));
        Path config = dir.resolve("burst-gitops.yaml");
        String good = Files.readString(config);

        // A misspelt key: refused, said on /status and in a metric; the process and its loops go on.
        Files.writeString(config, good.replace("    exitBelow: 10", "    exitBelow: 10\n    exitBellow: 5"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode status = new ObjectMapper().readTree(get(base + "/status").body());
            assertThat(status.path("config").path("rejected").asBoolean()).isTrue();
            assertThat(status.path("config").path("problems").toString()).contains("exitBellow");
        });
        assertThat(get(base + "/metrics").body()).contains("burst_gitops_config_rejected 1.0");
        assertThat(get(base + "/healthz").code()).isEqualTo(200);
        assertThat(process.isAlive()).isTrue();

        // A valid change: the band moves above 20 req/s, so the restarted loops return to natural.
        Files.writeString(config, good.replace("enterAbove: 15", "enterAbove: 30").replace("exitBelow: 10",
                "exitBelow: 25"));
        await().atMost(Duration.ofSeconds(60)).until(() -> weights().equals("100 0"));
        JsonNode status = new ObjectMapper().readTree(get(base + "/status").body());
        assertThat(status.path("config").path("rejected").asBoolean()).isFalse();
        assertThat(get(base + "/metrics").body()).contains("burst_gitops_config_rejected 0.0");
        assertThat(Files.readString(dir.resolve("last-good.yaml"))).contains("enterAbove: 30");
        assertThat(Files.readString(dir.resolve("run.log"))).contains("exitBellow")
                .contains("configuration changed: restarting the loops on it");
    }

    private Process start(int port, int webhookPort, String... options) throws Exception {
        Path config = ConfigYaml.forRemote(git.url("fleet.git"))
                .git("auth: { username: " + git.username() + ", tokenFile: token }").git("pollInterval: 1h")
                .prometheus(prometheus.uri())
                .workerPolicy(PrometheusServer.REFERENCE_WORKER_QUERY, "interval: 500ms")
                .primary(primary.kubeconfig()).burst(burst.kubeconfig())
                .section("server: { port: " + port + ", webhookPort: " + webhookPort + ", webhookSecretFile: webhook }")
                .writeTo(dir.resolve("burst-gitops.yaml"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString(),
                "--last-good-config", dir.resolve("last-good.yaml").toString(), "--config-check-interval", "500ms"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile())
                .directory(new File(System.getProperty("user.dir")))
                .start();
    }

    private String weights() {
        return primary.kubectl().tryRun("get", "virtualservice", "worker-virtual-service", "-n", "default",
                "-o", "jsonpath={.spec.http[0].route[*].weight}").stdout().strip();
    }

    private Answer get(String url) {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return new Answer(response.code(), response.body().string());
        } catch (java.io.IOException e) {
            return new Answer(-1, e.toString());
        }
    }

    private Answer post(String url, byte[] body, String signature) throws Exception {
        Request request = new Request.Builder().url(url).header("X-Hub-Signature-256", signature)
                .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "test-1")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** Two distinct free ports, one for the probes and one for the webhook: both held until both are known. */
    private static int[] freePorts() throws Exception {
        try (java.net.ServerSocket first = new java.net.ServerSocket(0);
             java.net.ServerSocket second = new java.net.ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }

    private record Answer(int code, String body) {
    }
}
