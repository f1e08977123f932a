package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.leader.LeaseWindow;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cluster's content cannot hold up another: with a huge file in {@code clusters/east} that
 * takes many seconds to parse (its size limit raised so that it is parsed at all), a ConfigMap
 * pushed to {@code clusters/west} is fetched, rendered and applied while east is still rendering
 * the first revision it was given. Before each cluster rendered on its own worker, every render ran
 * on the fetch thread, so west's change waited for east's render, and the next fetch with it.
 */
class ClusterIsolationTest {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterIsolationTest.class);
    /** A single 5 MiB scalar: its parse time grows with the square of its length (10 to 20 s here). */
    private static final int HUGE_SCALAR_CHARS = 5 * 1024 * 1024;

    @TempDir
    Path dir;

    private KubeFixture east;
    private KubeFixture west;
    private Path remote;
    private RunningSyncLoop running;
    private SyncLoop loop;
    private final List<ClusterPassResult> passes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        east = KubeFixture.start("east", dir);
        west = KubeFixture.start("west", dir);
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(
                "clusters/east/huge.yaml", configMap("huge", "x".repeat(HUGE_SCALAR_CHARS)),
                "clusters/west/first.yaml", configMap("first", "west")));
        Path configFile = ConfigYaml.forRemote(remote.toUri()).git("pollInterval: 200ms")
                // East first: on a single thread its render came before west's.
                .cluster("east", east.kubeconfig()).cluster("west", west.kubeconfig())
                .section("sync:\n  interval: 1h\n  limits: {maxFileSize: 64Mi}")
                .writeTo(dir.resolve("burst-gitops.yaml"));
        running = new RunningSyncLoop(configFile);
        loop = running.loop();
        loop.onClusterPass(passes::add);
    }

    @AfterEach
    void tearDown() throws Exception {
        running.close();
        east.close();
        west.close();
    }

    @Test
    void aChangeToWestIsAppliedWhileEastIsStillRenderingAHugeFile() {
        Instant started = Instant.now();
        loop.start(LeaseWindow.UNBOUNDED);
        await().atMost(Duration.ofSeconds(30)).until(() -> configMapValue(west, "first").equals("west"));
        LOG.info("west's first ConfigMap was applied {} ms after the loop started",
                Duration.between(started, Instant.now()).toMillis());

        Instant pushed = Instant.now();
        GitClient person = GitClient.clone(remote.toString(), dir.resolve("person"), GitRemotes.BRANCH);
        String second = person.write("clusters/west/second.yaml", configMap("second", "west")).commit(GitRemotes.SEEDER,
                "west: a second ConfigMap");
        person.push();

        await().atMost(Duration.ofSeconds(30)).until(() -> configMapValue(west, "second").equals("west"));
        LOG.info("west's second ConfigMap was applied {} ms after its push", Duration.between(pushed, Instant.now()).toMillis());
        assertThat(passesOf("east")).as("east is still rendering its first revision").isEmpty();
        assertThat(passesOf("west")).extracting(ClusterPassResult::revision).last().isEqualTo(second);
    }

    private List<ClusterPassResult> passesOf(String cluster) {
        return passes.stream().filter(pass -> pass.cluster().equals(cluster)).toList();
    }

    private static String configMapValue(KubeFixture cluster, String name) {
        return cluster.kubectl().tryRun("get", "configmap", name, "-n", "default", "-o", "jsonpath={.data.value}")
                .stdout().strip();
    }

    private static String configMap(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\ndata:\n  value: " + value + "\n";
    }
}
