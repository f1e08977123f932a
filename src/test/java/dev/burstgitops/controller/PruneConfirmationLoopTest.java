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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync.prune: confirm} in the sync loop of {@code run}: each revision's tree carries its
 * commit's trailers to the cluster's pass, so a push deletes nothing until a commit confirms it.
 */
class PruneConfirmationLoopTest {

    private static final String DROP = "clusters/primary/drop.yaml";

    @TempDir
    Path dir;

    private KubeFixture primary;
    private GitClient person;
    private RunningSyncLoop running;
    private final List<ClusterPassResult> passes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        primary = KubeFixture.start("primary", dir);
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(
                "clusters/primary/keep.yaml", configMap("keep"), DROP, configMap("drop")));
        person = GitClient.clone(remote.toString(), dir.resolve("person"), GitRemotes.BRANCH);
        Path configFile = ConfigYaml.forRemote(remote.toUri()).git("pollInterval: 200ms")
                .cluster("primary", primary.kubeconfig())
                .section("sync:\n  interval: 1h\n  prune: confirm")
                .writeTo(dir.resolve("burst-gitops.yaml"));
        running = new RunningSyncLoop(configFile);
        running.loop().onClusterPass(passes::add);
    }

    @AfterEach
    void tearDown() throws Exception {
        running.close();
        primary.close();
    }

    @Test
    void aPushThatDropsAnObjectDeletesItOnlyOnceACommitConfirmsIt() {
        running.loop().start(LeaseWindow.UNBOUNDED);
        await().atMost(Duration.ofSeconds(30)).until(() -> exists("drop") && exists("keep"));

        String dropped = person.delete(DROP).commitAndPush(GitRemotes.SEEDER, "drop is no longer needed");

        await().atMost(Duration.ofSeconds(30)).until(() -> passOf(dropped) != null);
        assertThat(passOf(dropped).report().warnings()).singleElement().asString()
                .startsWith("prune awaiting confirmation: 1 objects: ConfigMap default/drop");
        assertThat(exists("drop")).isTrue();

        person.write("NOTES.md", "drop went\n").commitAndPush(GitRemotes.SEEDER, "Confirm\n\nPrune-Confirmed: 1");

        await().atMost(Duration.ofSeconds(30)).until(() -> !exists("drop"));
        assertThat(exists("keep")).isTrue();
    }

    private ClusterPassResult.Synced passOf(String revision) {
        return passes.stream().filter(pass -> pass.revision().equals(revision))
                .filter(ClusterPassResult.Synced.class::isInstance).map(ClusterPassResult.Synced.class::cast)
                .findFirst().orElse(null);
    }

    private boolean exists(String name) {
        return primary.kubectl().tryRun("get", "configmap", name, "-n", "default").succeeded();
    }

    private static String configMap(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: default}\ndata: {a: b}\n";
    }
}
