package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.demo.LocalApiServer;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitHttpServer;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.PrometheusCounterSeries;
import dev.burstgitops.testing.PrometheusServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite (issue 11): {@code run} as a real process gets SIGTERM in the middle of its work —
 * while the sync applies 1,500 objects, or while the burst loop's push is inside the remote's
 * pre-receive hook — and finishes that work before it exits 0: every object is applied (a sync
 * afterwards has nothing left to write), the decision commit is on the remote.
 */
class SigtermFaultTest {

    private static final String VS_FILE = ConfigYaml.WORKER_VS_FILE;
    private static final int OBJECTS = 1500;
    private static final int SIGTERM_AFTER_WRITES = 200;

    @TempDir
    Path dir;

    private GitHttpServer git;
    private KubeFixture east;
    private Process process;

    @BeforeEach
    void setUp() throws Exception {
        git = GitHttpServer.start(dir.resolve("http"));
        east = KubeFixture.start("east", dir);
        Files.writeString(dir.resolve("token"), git.token().reveal());
    }

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.destroyForcibly();
        }
        east.close();
        git.close();
    }

    @Test
    void sigtermDuringAnApplyFinishesTheApplyThenExitsZero() throws Exception {
        git.createRepository("fleet.git", Map.of("clusters/east/many.yaml", configMaps(OBJECTS)));
        east.forgetRequests();
        process = run(ConfigYaml.forRemote(git.url("fleet.git")));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> applies() >= SIGTERM_AFTER_WRITES || !process.isAlive());
        process.destroy();
        int appliedAtSigterm = applies();

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log()).isZero();
        assertThat(appliedAtSigterm).as("SIGTERM came in the middle of the apply").isLessThan(OBJECTS);
        assertThat(applies()).isGreaterThanOrEqualTo(OBJECTS);
        assertThat(east.kubectl().run("get", "configmaps", "-n", "default", "-l", "burst-gitops/cluster=east",
                "-o", "name").lines().count()).isEqualTo(OBJECTS);
        assertThat(log()).containsPattern("sync east @[0-9a-f]{7}: " + OBJECTS + " created, 0 configured, 0 unchanged, "
                + "0 pruned, 0 failed").contains("stopped");
        // Nothing was left half done: a sync now has nothing to write.
        east.forgetRequests();
        CommandRun again = CommandRun.of("sync", "--config", dir.resolve("burst-gitops.yaml").toString(), "--once");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(east.writes()).isEmpty();
    }

    @Test
    void sigtermWhileTheDecisionCommitIsBeingPushedFinishesThePushThenExitsZero() throws Exception {
        Path remote = git.createRepository("fleet.git", Map.of(VS_FILE, Files.readString(Path.of(VS_FILE)),
                "clusters/east/app.yaml", configMaps(1)));
        Path pushing = dir.resolve("push-in-hook");
        // The push takes three seconds inside the remote: long enough to be stopped in the middle of.
        GitRemotes.installPreReceiveHook(remote, "touch '" + pushing + "'; sleep 3; exit 0");
        try (PrometheusServer prometheus = PrometheusServer.start(List.of(PrometheusCounterSeries.referenceWorker(20)))) {
            process = run(ConfigYaml.forRemote(git.url("fleet.git")).prometheus(prometheus.uri())
                    .workerPolicy(PrometheusServer.REFERENCE_WORKER_QUERY, "interval: 500ms"));

            await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(pushing) || !process.isAlive());
            assertThat(process.isAlive()).as(log()).isTrue();
            process.destroy();

            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(log()).isZero();
        }
        List<GitLoggedCommit> log = GitRemotes.log(remote);
        assertThat(log).hasSize(2);
        assertThat(log.get(0).trailerValues("Burst-Decision")).containsExactly("natural -> burst");
        assertThat(GitRemotes.show(remote, VS_FILE)).contains("subset: burst\n          weight: 100");
        assertThat(log()).contains("worker: burst at 20 req/s, committed " + log.get(0).id().substring(0, 7))
                .contains("stopped");
    }

    private Process run(ConfigYaml config) throws Exception {
        Path file = config.git("auth: { username: " + git.username() + ", tokenFile: token }")
                .git("pollInterval: 1h")
                .cluster("east", east.kubeconfig(), "allowedClusterScopedKinds: [Namespace]")
                .section("server: { port: " + freePort() + " }")
                .writeTo(dir.resolve("burst-gitops.yaml"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--config", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile())
                .directory(new File(System.getProperty("user.dir")))
                .start();
    }

    /** The controller's server-side applies to ConfigMaps in {@code default}, from the audit log. */
    private int applies() {
        return (int) east.requests().stream()
                .filter(request -> request.user().equals(LocalApiServer.CONTROLLER_USER))
                .filter(request -> request.verb().equals("patch"))
                .filter(request -> request.path().startsWith("/api/v1/namespaces/default/configmaps/"))
                .count();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("run.log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String configMaps(int count) {
        return IntStream.range(0, count).mapToObj(i -> "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-"
                + i + ", namespace: default}\ndata: {index: \"" + i + "\"}\n").collect(Collectors.joining());
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
