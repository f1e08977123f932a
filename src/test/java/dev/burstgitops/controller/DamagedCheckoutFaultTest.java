package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.status.ControllerStatus;
import dev.burstgitops.testing.CapturedLogs;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite (issue 11): the running controller's working copies are damaged as a {@code kill -9}
 * or a bad disk leaves them — a stale {@code index.lock}, a stale {@code refs/heads/main.lock}, a
 * deleted index, missing objects — and a person pushes a change meanwhile. The loop heals its
 * copy on the next refresh (one WARN line naming the damage) and goes on: the person's change
 * reaches the cluster, what was synced before stays, the cluster shows no error; the burst loop
 * puts its decision on top of the person's commit. Before, the loop failed every poll with
 * "cannot reset … to <sha>" until restarted by hand.
 */
class DamagedCheckoutFaultTest {

    private static final GitAuthor DEV = new GitAuthor("Dana Developer", "dana@example.com");
    private static final String VS_FILE = ConfigYaml.WORKER_VS_FILE;

    @TempDir
    Path dir;

    private KubeFixture primary;
    private Path remote;
    private GitClient person;
    private Controller controller;
    private final AtomicReference<Double> rate = new AtomicReference<>(5.0);

    @BeforeEach
    void setUp() throws Exception {
        primary = KubeFixture.start("primary", dir);
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(
                VS_FILE, Files.readString(Path.of(VS_FILE)),
                "clusters/primary/app.yaml", configMap("app", "1"),
                "clusters/primary/keep.yaml", configMap("keep", "1")));
        person = GitClient.clone(remote.toUri().toString(), dir.resolve("person"), "main");
    }

    @AfterEach
    void tearDown() {
        if (controller != null) {
            controller.close();
        }
        primary.close();
    }

    @Test
    void aStaleIndexLockInTheSyncCheckoutHealsAndThePersonsChangeIsApplied() throws Exception {
        assertSyncHeals(checkout -> Files.writeString(checkout.resolve(".git/index.lock"), ""), true);
    }

    @Test
    void aStaleBranchRefLockInTheSyncCheckoutHealsAndThePersonsChangeIsApplied() throws Exception {
        assertSyncHeals(checkout -> Files.writeString(checkout.resolve(".git/refs/heads/main.lock"), ""), true);
    }

    @Test
    void aDeletedIndexInTheSyncCheckoutHealsAndThePersonsChangeIsApplied() throws Exception {
        // JGit writes a missing index anew: nothing to move aside, but the pass must go on just the same.
        assertSyncHeals(checkout -> Files.delete(checkout.resolve(".git/index")), false);
    }

    @Test
    void missingObjectsInTheSyncCheckoutHealAndThePersonsChangeIsApplied() throws Exception {
        // Every object file gone: the next fetch may bring them all again, or the copy is moved aside.
        assertSyncHeals(checkout -> {
            try (Stream<Path> objects = Files.walk(checkout.resolve(".git/objects"))) {
                for (Path file : objects.filter(Files::isRegularFile)
                        .filter(file -> !file.getParent().getFileName().toString().equals("info")).toList()) {
                    Files.delete(file);
                }
            }
        }, null);
    }

    @Test
    void aStaleBranchRefLockInTheBurstCheckoutLeftByAKilledProcessHealsAndTheDecisionGoesOnTopOfThePersonsCommit()
            throws Exception {
        controller = start("interval: 200ms");
        awaitSynced(GitRemotes.log(remote).get(0).id());
        await().atMost(Duration.ofSeconds(20)).until(() -> controller.status().snapshot().policies().containsKey("worker"));
        controller.close();
        Files.writeString(dir.resolve("checkout/.git/refs/heads/main.lock"), "");
        String theirs = person.write("README.md", "fleet, read me\n").commitAndPush(DEV, "Add a README");
        rate.set(20.0);

        try (CapturedLogs logs = CapturedLogs.capture()) {
            controller = start("interval: 200ms");
            await().atMost(Duration.ofSeconds(30)).until(() -> GitRemotes.log(remote).size() == 3);
            assertThat(logs.linesAt(Level.WARN)).filteredOn(line -> line.contains("damaged"))
                    .anySatisfy(line -> assertThat(line).contains("refs/heads/main.lock"));
        }

        List<GitLoggedCommit> log = GitRemotes.log(remote);
        assertThat(log.get(0).trailerValues("Burst-Decision")).containsExactly("natural -> burst");
        assertThat(log.get(0).parents()).containsExactly(theirs);
        assertThat(GitRemotes.show(remote, "README.md")).isEqualTo("fleet, read me\n");
        assertThat(brokenCopies("checkout")).hasSize(1);
    }

    /**
     * The sync loop idles (hour-long poll and resync) so that only the test's trigger starts a pass.
     *
     * @param movedAside whether the copy must be moved aside with one WARN line; null: either way
     */
    private void assertSyncHeals(Damage damage, Boolean movedAside) throws Exception {
        controller = start("interval: 1h");
        String seed = GitRemotes.log(remote).get(0).id();
        awaitSynced(seed);
        damage.apply(dir.resolve("checkout-sync"));
        String theirs = person.write("clusters/primary/app.yaml", configMap("app", "2")).commitAndPush(DEV, "app v2");

        try (CapturedLogs logs = CapturedLogs.capture()) {
            controller.syncLoop().trigger("test: a person pushed");
            awaitSynced(theirs);
            if (movedAside != null) {
                assertThat(logs.linesAt(Level.WARN)).filteredOn(line -> line.contains("damaged"))
                        .hasSize(movedAside ? 1 : 0);
            }
        }

        assertThat(version("app")).isEqualTo("2");
        assertThat(version("keep")).as("nothing was pruned").isEqualTo("1");
        ControllerStatus.ClusterView cluster = controller.status().snapshot().clusters().get("primary");
        assertThat(cluster.lastError()).isEmpty();
        assertThat(cluster.pruned()).isZero();
        if (movedAside != null) {
            assertThat(brokenCopies("checkout-sync")).hasSize(movedAside ? 1 : 0);
        }
        // And the healed copy goes on: the next change needs no repair.
        String next = person.write("clusters/primary/app.yaml", configMap("app", "3")).commitAndPush(DEV, "app v3");
        try (CapturedLogs logs = CapturedLogs.capture()) {
            controller.syncLoop().trigger("test: a person pushed again");
            awaitSynced(next);
            assertThat(logs.linesAt(Level.WARN)).isEmpty();
        }
        assertThat(version("app")).isEqualTo("3");
    }

    private Controller start(String policyInterval) throws Exception {
        Path configFile = ConfigYaml.forRemote(remote.toUri()).git("pollInterval: 1h")
                .prometheus("http://127.0.0.1:9")
                .workerPolicy("worker_rate", policyInterval)
                .cluster("primary", primary.kubeconfig(), "allowedClusterScopedKinds: [Namespace]")
                .section("sync:\n  interval: 1h")
                .writeTo(dir.resolve("burst-gitops.yaml"));
        Controller started = Controller.create(ConfigLoader.load(configFile),
                promql -> new Sample(rate.get(), Instant.now(), 1), Clock.systemUTC());
        started.start();
        return started;
    }

    private void awaitSynced(String revision) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(controller.status().snapshot()
                .clusters().get("primary")).isNotNull().extracting(ControllerStatus.ClusterView::lastSyncedCommit)
                .isEqualTo(revision));
    }

    private String version(String configMap) {
        return primary.kubectl().run("get", "configmap", configMap, "-n", "default", "-o", "jsonpath={.data.version}")
                .strip();
    }

    private List<Path> brokenCopies(String checkout) throws IOException {
        try (Stream<Path> siblings = Files.list(dir)) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(checkout + ".broken-"))
                    .sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static String configMap(String name, String version) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: default}\n"
                + "data: {version: \"" + version + "\"}\n";
    }

    @FunctionalInterface
    private interface Damage {
        void apply(Path checkout) throws IOException;
    }
}
