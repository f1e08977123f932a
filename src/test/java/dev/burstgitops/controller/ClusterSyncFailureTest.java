package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.config.SyncConfig;
import dev.burstgitops.manifest.RenderResult;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.Fabric8ClusterApplier;
import dev.burstgitops.sync.WriteFence;
import dev.burstgitops.testing.KubeManifests;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    @Test
    void aClusterThatRefusesEveryRequestFailsItsPassWithTheServersMessage() throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
                users: [{name: u, user: {token: expired-token-0123}}]
                contexts: [{name: burst, context: {cluster: c, user: u}}]
                current-context: burst
                """.formatted(refusing.getAddress().getPort()));
        ClusterConfig cluster = new ClusterConfig("burst", "clusters/burst", Optional.of(kubeconfig),
                Optional.of("burst"), ClusterConfig.RenderEngine.BUILTIN, false, List.of(), List.of("Namespace"));
        Fabric8ClusterApplier applier = Fabric8ClusterApplier.connect(
                ClusterTarget.of("burst", kubeconfig.toString(), "burst", "burst-gitops")
                        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        RenderResult rendered = RenderResult.empty().withObjects(KubeManifests.parse("apps/worker.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: worker-config, namespace: default}
                data: {key: value}
                """));

        try (ClusterSync sync = new ClusterSync(cluster, new SyncConfig(Duration.ofMinutes(1), SyncConfig.Mode.APPLY,
                true, "burst-gitops"), applier)) {
            ClusterPassResult result = sync.run(rendered, "3f2a1c9aa", false, WriteFence.OPEN);

            assertThat(result.failed()).isTrue();
            assertThat(result.summary()).startsWith("sync burst @3f2a1c9: ").contains("401")
                    .doesNotContain("expired-token-0123");
        }
    }
}
