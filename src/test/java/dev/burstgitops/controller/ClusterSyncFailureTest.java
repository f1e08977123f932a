package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.config.SyncConfig;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.gitops.Trailers;
import dev.burstgitops.leader.LeaseWindow;
import dev.burstgitops.manifest.ClusterRendering;
import dev.burstgitops.manifest.RenderResult;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.Fabric8ClusterApplier;
import dev.burstgitops.sync.WriteFence;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeManifests;
import dev.burstgitops.testing.MutableClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that refuses the pass as a whole (here every request answers 401, as after a token
 * expired; no real API server can be had offline to expire one) fails that cluster's pass
 * with the server's message, instead of escaping as an exception that would stall its worker.
 */
class ClusterSyncFailureTest {

    @TempDir
    Path dir;

    private HttpServer refusing;

    @BeforeEach
    void startARefusingApiServer() throws Exception {
        refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] status = """
                {"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}
                """.getBytes(StandardCharsets.UTF_8);
        refusing.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, status.length);
            exchange.getResponseBody().write(status);
            exchange.close();
        });
        refusing.start();
    }

    @AfterEach
    void stop() {
        refusing.stop(0);
    }

    private ClusterConfig refusingCluster() throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
                users: [{name: u, user: {token: expired-token-0123}}]
                contexts: [{name: burst, context: {cluster: c, user: u}}]
                current-context: burst
                """.formatted(refusing.getAddress().getPort()));
        return new ClusterConfig("burst", "clusters/burst", Optional.of(kubeconfig),
                Optional.of("burst"), ClusterConfig.RenderEngine.BUILTIN, true, List.of(), List.of("Namespace"));
    }

    private ClusterSync refusingSync(ClusterConfig cluster) throws Exception {
        Fabric8ClusterApplier applier = Fabric8ClusterApplier.connect(
                ClusterTarget.of("burst", cluster.kubeconfig().orElseThrow().toString(), "burst", "burst-gitops")
                        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        return new ClusterSync(cluster, new SyncConfig(Duration.ofMinutes(1), SyncConfig.Mode.APPLY, true,
                "burst-gitops"), applier, ClusterRendering.options(cluster));
    }

    @Test
    void aClusterThatRefusesEveryRequestFailsItsPassWithTheServersMessage() throws Exception {
        ClusterConfig cluster = refusingCluster();
        RenderResult rendered = RenderResult.empty().withObjects(KubeManifests.parse("apps/worker.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: worker-config, namespace: default}
                data: {key: value}
                """));

        try (ClusterSync sync = refusingSync(cluster)) {
            ClusterPassResult result = sync.run(rendered, "3f2a1c9aa", Trailers.none(), false, WriteFence.OPEN);

            assertThat(result.failed()).isTrue();
            assertThat(result.summary()).startsWith("sync burst @3f2a1c9: ").contains("401")
                    .doesNotContain("expired-token-0123");
        }
    }

    /**
     * A cluster whose passes cannot run is not asked again at every tick: it waits out a backoff
     * on the loop's clock (which does not move here, so it waits for good); a new revision is
     * tried at once all the same.
     */
    @Test
    void aFailingClusterBacksOffButANewRevisionIsTriedAtOnce() throws Exception {
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of("clusters/burst/.keep", ""));
        Path configFile = ConfigYaml.forRemote(remote.toUri()).git("pollInterval: 100ms")
                .section("sync:\n  interval: 100ms").writeTo(dir.resolve("burst-gitops.yaml"));
        BurstGitopsConfig config = ConfigLoader.load(configFile);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T06:00:00Z"));
        List<ClusterPassResult> passes = new CopyOnWriteArrayList<>();
        try (JGitWorkspace workspace = Adapters.syncWorkspace(config, clock);
             ClusterSync sync = refusingSync(refusingCluster());
             SyncLoop loop = new SyncLoop(workspace, List.of(sync), Duration.ofMillis(100), Duration.ofMillis(100),
                     clock)) {
            loop.onClusterPass(passes::add);
            loop.start(LeaseWindow.UNBOUNDED);
            await().atMost(Duration.ofSeconds(20)).until(() -> passes.size() == 1);
            assertThat(passes.get(0).failed()).isTrue();

            // Ten ticks and more, and the clock has not moved past the backoff: no second try.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> passes.size() == 1);

            GitClient person = GitClient.clone(remote.toString(), dir.resolve("person"), GitRemotes.BRANCH);
            String next = person.write("clusters/burst/note.txt", "a new revision").commit(GitRemotes.SEEDER,
                    "a new revision");
            person.push();
            loop.trigger("test push");
            await().atMost(Duration.ofSeconds(20)).until(() -> passes.size() == 2);
            assertThat(passes.get(1).revision()).isEqualTo(next);

            clock.advance(SyncLoop.MAX_CLUSTER_BACKOFF);
            await().atMost(Duration.ofSeconds(20)).until(() -> passes.size() == 3);
            assertThat(passes.get(2).revision()).isEqualTo(next);
        }
    }
}
