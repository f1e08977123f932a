package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.leader.LeaseWindow;
import dev.burstgitops.status.RefusedHead;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.SigningKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code git.verify}, the sync loop applies a head only when an allowed key signed it: a
 * person's unsigned push that changes one ConfigMap and deletes another changes and prunes
 * nothing in a real API server, is reported once, does not count as a failing fetch, and a signed
 * commit on top of it is applied as usual. People sign with C git ({@code git commit -S}).
 */
class VerifiedHeadSyncTest {

    private static final String APP = "clusters/primary/app.yaml";
    private static final String KEEP = "clusters/primary/keep.yaml";

    @TempDir
    Path dir;

    private KubeFixture primary;
    private Path remote;
    private Path personKey;
    private RunningSyncLoop running;
    private SyncLoop loop;
    private final List<Optional<RefusedHead>> refusals = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        primary = KubeFixture.start("primary", dir);
        SigningKeys keys = new SigningKeys(dir.resolve("keys"));
        personKey = keys.create("person_ed25519");
        Path allowed = keys.allowedSigners("allowed_signers", "platform-team", personKey);
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(APP, configMap("app", "seed")));
        GitClient person = GitClient.clone(remote.toString(), dir.resolve("person"), GitRemotes.BRANCH);
        person.write(APP, configMap("app", "one")).write(KEEP, configMap("keep", "kept"))
                .commitSigned(GitRemotes.SEEDER, "first signed revision", personKey);
        person.push();
        Path configFile = ConfigYaml.forRemote(remote.toUri()).git("pollInterval: 200ms")
                .git("verify: { allowedSignersFile: " + allowed + " }")
                .cluster("primary", primary.kubeconfig())
                .section("sync:\n  interval: 1h\n  prune: true")
                .writeTo(dir.resolve("burst-gitops.yaml"));
        running = new RunningSyncLoop(configFile);
        loop = running.loop();
        loop.onRefusedHead(refusals::add);
    }

    @AfterEach
    void tearDown() throws Exception {
        running.close();
        primary.close();
    }

    @Test
    void anUnsignedHeadChangesAndPrunesNothingUntilASignedCommitLandsOnTop() {
        loop.start(LeaseWindow.UNBOUNDED);
        await().atMost(Duration.ofSeconds(30)).until(() -> value("app").equals("one") && value("keep").equals("kept"));

        GitClient unsigned = GitClient.clone(remote.toString(), dir.resolve("unsigned"), GitRemotes.BRANCH);
        String pushed = unsigned.write(APP, configMap("app", "two")).delete(KEEP).commit(GitRemotes.SEEDER, "unsigned edit");
        unsigned.push();

        await().atMost(Duration.ofSeconds(30)).until(() -> loop.refusedHead().isPresent());
        RefusedHead refused = loop.refusedHead().orElseThrow();
        assertThat(refused.revision()).isEqualTo(pushed);
        assertThat(refused.message()).isEqualTo("head " + pushed.substring(0, 12)
                + " is not signed by an allowed key (it carries no signature)");
        assertThat(value("app")).isEqualTo("one");
        assertThat(value("keep")).as("nothing pruned").isEqualTo("kept");
        assertThat(loop.fetchStatus().consecutiveFailures()).as("not a failing fetch").isZero();
        assertThat(loop.fetchStatus().refusedHead()).contains(refused);

        unsigned.pull();
        String signed = unsigned.write(APP, configMap("app", "three"))
                .commitSigned(GitRemotes.SEEDER, "reviewed and signed", personKey);
        unsigned.push();

        await().atMost(Duration.ofSeconds(30)).until(() -> value("app").equals("three"));
        assertThat(loop.head()).isEqualTo(signed);
        assertThat(loop.refusedHead()).isEmpty();
        assertThat(loop.fetchStatus().refusedHead()).isEmpty();
        assertThat(refusals).as("told once when it started, once when it ended")
                .containsExactly(Optional.of(refused), Optional.empty());
    }

    private String value(String name) {
        return primary.kubectl().tryRun("get", "configmap", name, "-n", "default", "-o", "jsonpath={.data.value}")
                .stdout().strip();
    }

    private static String configMap(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: default}\ndata:\n  value: "
                + value + "\n";
    }
}
