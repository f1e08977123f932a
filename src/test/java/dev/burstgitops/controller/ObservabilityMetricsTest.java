package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.status.FetchStatus;
import dev.burstgitops.status.Observability;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitHttpServer;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.SigningKeys;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the running loops make of their outcomes on {@code /metrics}: a publish that gave up is one
 * push failure with all its retries; a remote that cannot be fetched is a fetch failure of each
 * loop and no push failure; each cluster's reachability and the reason its passes fail. Real Git
 * remotes (a pre-receive hook refuses pushes), a real kube-apiserver, a port nobody listens on, and a server that answers 401.
 */
class ObservabilityMetricsTest {

    private static final String VS_FILE = ConfigYaml.WORKER_VS_FILE;

    @TempDir
    Path dir;

    private Controller controller;
    private Observability observability;
    private KubeFixture primary;
    private GitHttpServer gitServer;
    private HttpServer refusing;

    @AfterEach
    void tearDown() {
        if (controller != null) {
            controller.close();
        }
        if (primary != null) {
            primary.close();
        }
        if (gitServer != null) {
            gitServer.close();
        }
        if (refusing != null) {
            refusing.stop(0);
        }
    }

    @Test
    void aPushTheRemoteRefusesEveryTimeIsOnePushFailurePerPassWithItsFourRetriesAndNoFetchFailure()
            throws Exception {
        // C git behind smart HTTP, as branch protection refuses: JGit pushes to a file: remote
        // in-process, where the remote's hooks do not run.
        gitServer = GitHttpServer.start(dir.resolve("git-server"));
        Path remote = gitServer.createRepository("fleet", Map.of(VS_FILE, Files.readString(Path.of(VS_FILE))));
        GitRemotes.installPreReceiveHook(remote, "echo 'branch is frozen' >&2; exit 1");
        Path token = Files.writeString(dir.resolve("token"), gitServer.token().reveal());
        // 20 req/s is above enterAbove (15) at once, so every pass decides burst and tries to push.
        start(ConfigYaml.forRemote(gitServer.url("fleet")).git("pollInterval: 1h")
                .git("auth: { username: " + gitServer.username() + ", tokenFile: " + token + " }")
                .prometheus("http://127.0.0.1:9").workerPolicy("worker_rate", "interval: 200ms"), 20.0);

        // Each give-up made 5 attempts, so 4 retries; before, they counted none. Awaited as a pair,
        // as the two counters are not written in one step.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Double> scraped = scrape();
            assertThat(scraped.get("burst_gitops_push_failures_total{policy=\"worker\"}")).isGreaterThanOrEqualTo(1.0);
            assertThat(scraped.get("burst_gitops_push_retries_total{policy=\"worker\"}"))
                    .isEqualTo(4 * scraped.get("burst_gitops_push_failures_total{policy=\"worker\"}"));
        });
        Map<String, Double> scraped = scrape();
        assertThat(scraped).containsEntry("burst_gitops_fetch_failures_total{loop=\"burst\"}", 0.0)
                .containsEntry("burst_gitops_fetch_failures_total{loop=\"sync\"}", 0.0)
                .containsEntry("burst_gitops_commits_total{policy=\"worker\"}", 0.0)
                .containsEntry("burst_gitops_leader", 1.0);
        assertThat(GitRemotes.log(remote)).as("nothing got past the hook").hasSize(1);
    }

    @Test
    void aRemoteThatCannotBeFetchedIsAFetchFailureOfEachLoopAndNoPushFailure() throws Exception {
        // Nothing at this path: the clone of the burst loop and the sync loop's fetch both fail.
        Path missing = dir.resolve("no-such-fleet.git");
        start(ConfigYaml.forRemote(missing.toUri()).git("pollInterval: 200ms").prometheus("http://127.0.0.1:9")
                .workerPolicy("worker_rate", "interval: 200ms"), 20.0);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape())
                .hasEntrySatisfying("burst_gitops_fetch_failures_total{loop=\"burst\"}",
                        failures -> assertThat(failures).isGreaterThanOrEqualTo(1.0))
                .hasEntrySatisfying("burst_gitops_fetch_failures_total{loop=\"sync\"}",
                        failures -> assertThat(failures).isGreaterThanOrEqualTo(1.0)));
        // Counted as a push failure before: nothing was ever decided, let alone pushed.
        assertThat(scrape()).containsEntry("burst_gitops_push_failures_total{policy=\"worker\"}", 0.0)
                .containsEntry("burst_gitops_push_retries_total{policy=\"worker\"}", 0.0);
    }

    @Test
    void eachClusterShowsWhetherItsApiServerAnswersAndWhyItsPassesFail() throws Exception {
        primary = KubeFixture.start("primary", dir);
        refusing = refusingApiServer();
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(
                "clusters/primary/config.yaml", configMap("primary"),
                "clusters/burst/config.yaml", configMap("burst"),
                "clusters/refusing/config.yaml", configMap("refusing"),
                "clusters/broken/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [unclosed\n"));
        int nobodyListens = freePort();
        start(ConfigYaml.forRemote(remote.toUri()).git("pollInterval: 1h")
                .cluster("primary", primary.kubeconfig())
                .cluster("burst", kubeconfig("burst", nobodyListens))
                .cluster("refusing", kubeconfig("refusing", refusing.getAddress().getPort()))
                .cluster("broken", kubeconfig("broken", nobodyListens))
                .section("sync:\n  interval: 1s"), 5.0);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape())
                .containsEntry("burst_gitops_cluster_reachable{cluster=\"primary\"}", 1.0)
                .containsEntry("burst_gitops_cluster_reachable{cluster=\"burst\"}", 0.0)
                // It answers, if only with 401: reachable, and its passes fail as refused ("error").
                .containsEntry("burst_gitops_cluster_reachable{cluster=\"refusing\"}", 1.0)
                .hasEntrySatisfying("burst_gitops_sync_failures_total{cluster=\"refusing\",reason=\"error\"}",
                        failures -> assertThat(failures).isGreaterThanOrEqualTo(1.0))
                .hasEntrySatisfying("burst_gitops_sync_failures_total{cluster=\"burst\",reason=\"unreachable\"}",
                        failures -> assertThat(failures).isGreaterThanOrEqualTo(1.0))
                .hasEntrySatisfying("burst_gitops_sync_failures_total{cluster=\"broken\",reason=\"render\"}",
                        failures -> assertThat(failures).isGreaterThanOrEqualTo(1.0))
                .containsKey("burst_gitops_sync_last_success_timestamp_seconds{cluster=\"primary\"}"));
        Map<String, Double> scraped = scrape();
        // A render failure sends nothing to the cluster, so it says nothing about reachability.
        assertThat(scraped).doesNotContainKey("burst_gitops_cluster_reachable{cluster=\"broken\"}");
        assertThat(scraped.entrySet()).filteredOn(e -> e.getKey().startsWith("burst_gitops_sync_failures_total{cluster=\"primary\""))
                .hasSize(dev.burstgitops.status.ControllerMetrics.SyncFailure.values().length).allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isZero());
        assertThat(scraped).containsEntry("burst_gitops_sync_failures_total{cluster=\"burst\",reason=\"error\"}", 0.0);
    }

    @Test
    void anUnsignedHeadIsARefusedHeadOnMetricsAndStatusNotAFetchFailureAndTheLoopStaysHealthy() throws Exception {
        primary = KubeFixture.start("primary", dir);
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(
                "clusters/primary/config.yaml", configMap("primary")));
        SigningKeys keys = new SigningKeys(dir.resolve("keys"));
        Path allowed = keys.allowedSigners("allowed_signers", "platform-team", keys.create("team_ed25519"));
        // The seed commit is unsigned: refused from the first fetch on.
        start(ConfigYaml.forRemote(remote.toUri()).git("pollInterval: 200ms")
                .git("verify: { allowedSignersFile: " + allowed + " }")
                .cluster("primary", primary.kubeconfig()), 5.0);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape())
                .containsEntry("burst_gitops_refused_head", 1.0));
        String seed = GitRemotes.log(remote).get(0).id();
        FetchStatus git = controller.status().snapshot().git();
        assertThat(git.refusedHead()).hasValueSatisfying(refused -> assertThat(refused.message())
                .isEqualTo("head " + seed.substring(0, 12) + " is not signed by an allowed key (it carries no signature)"));
        assertThat(git.consecutiveFailures()).isZero();
        assertThat(scrape()).containsEntry("burst_gitops_fetch_failures_total{loop=\"sync\"}", 0.0);
        assertThat(primary.kubectl().tryRun("get", "configmap", "primary-settings", "-n", "default").exitCode())
                .as("nothing applied").isNotZero();
        // Polled every 200 ms, refused every time: the fetch loop is alive, not stalled.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> observability.health().check().healthy());
        // Started on a refused head, no cluster pass ever runs; the replica is ready all the same,
        // so the webhook that brings the signed fix can reach it.
        assertThat(observability.readiness().check().ready()).as(observability.readiness().check().toString())
                .isTrue();
    }

    private void start(ConfigYaml yaml, double rate) throws Exception {
        BurstGitopsConfig config = ConfigLoader.load(yaml.writeTo(dir.resolve("burst-gitops.yaml")));
        controller = Controller.create(config, promql -> new Sample(rate, Instant.now(), 1), Clock.systemUTC());
        observability = new Observability(Clock.systemUTC());
        // A replica is a standby until it attaches its loops.
        assertThat(scrape()).containsEntry("burst_gitops_leader", 0.0);
        controller.reportTo(observability);
        controller.start();
    }

    private static String configMap(String cluster) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + cluster + "-settings, namespace: default}\n"
                + "data: {cluster: " + cluster + "}\n";
    }

    /** A port that was free a moment ago: nothing listens there, so connections are refused. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A kubeconfig whose context, named like the cluster (as the config expects), points at {@code port}. */
    private Path kubeconfig(String cluster, int port) throws IOException {
        return Files.writeString(dir.resolve(cluster + ".kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
                users: [{name: u, user: {token: expired-token}}]
                contexts: [{name: %s, context: {cluster: c, user: u}}]
                current-context: %s
                """.formatted(port, cluster, cluster));
    }

    /**
     * Every request answers 401, as an API server does after a token expired (no real one can be
     * made to expire a token offline; ClusterSyncFailureTest does the same).
     */
    private static HttpServer refusingApiServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] status = """
                {"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}
                """.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, status.length);
            exchange.getResponseBody().write(status);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** The text the registry serves on /metrics, sample lines only, as series → value. */
    private Map<String, Double> scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, observability.metrics().registry().scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> samples = new java.util.HashMap<>();
        out.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            String value = line.substring(space + 1);
            samples.put(line.substring(0, space), value.endsWith("Inf")
                    ? (value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                    : Double.parseDouble(value));
        });
        return samples;
    }
}
