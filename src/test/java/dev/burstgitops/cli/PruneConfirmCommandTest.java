package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync.prune: confirm} end to end: the head commit's {@code Prune-Confirmed} trailer, in a
 * real remote, reaches the pass of {@code sync --once}, which deletes only with the right count.
 */
class PruneConfirmCommandTest {

    private static final GitAuthor DEV = new GitAuthor("Dana Developer", "dana@example.com");

    @TempDir
    Path dir;

    private KubeFixture primary;
    private GitClient person;

    @BeforeEach
    void setUp() throws IOException {
        primary = KubeFixture.start("primary", dir);
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(
                "clusters/primary/keep.yaml", configMap("keep"), "clusters/primary/drop.yaml", configMap("drop")));
        person = GitClient.clone(remote.toUri().toString(), dir.resolve("person"), GitRemotes.BRANCH);
        Files.writeString(dir.resolve("burst-gitops.yaml"), """
                git: {url: "%s", checkoutDir: checkout}
                clusters:
                  - {name: primary, path: clusters/primary, kubeconfig: "%s", context: primary}
                sync: {prune: confirm}
                """.formatted(remote.toUri(), primary.kubeconfig()));
        assertThat(sync().exitCode()).isZero();
    }

    @AfterEach
    void tearDown() {
        primary.close();
    }

    @Test
    void aRemovedObjectIsDeletedOnlyOnceTheHeadCommitConfirmsTheRightCount() {
        person.delete("clusters/primary/drop.yaml").commitAndPush(DEV, "drop is no longer needed");

        CommandRun unconfirmed = sync();

        assertThat(unconfirmed.err()).contains("warning: prune awaiting confirmation: 1 objects: ConfigMap default/drop;"
                + " nothing is deleted until the head commit carries the trailer 'Prune-Confirmed: 1'");
        assertThat(exists("drop")).isTrue();

        person.write("NOTES.md", "dropping drop\n").commitAndPush(DEV, "Confirm the prune\n\nPrune-Confirmed: 2");
        CommandRun miscounted = sync();

        assertThat(miscounted.err()).contains("does not match, nothing is deleted; expected 'Prune-Confirmed: 1'");
        assertThat(exists("drop")).isTrue();

        person.write("NOTES.md", "dropping drop, really\n").commitAndPush(DEV, "Confirm the prune\n\nPrune-Confirmed: 1");
        CommandRun confirmed = sync();

        assertThat(confirmed.exitCode()).as(confirmed.all()).isZero();
        assertThat(confirmed.out()).containsPattern("sync primary @[0-9a-f]{7}: 0 created, 0 configured, 1 unchanged,"
                + " 1 pruned");
        assertThat(exists("drop")).isFalse();
        assertThat(exists("keep")).isTrue();
    }

    private boolean exists(String name) {
        return primary.kubectl().tryRun("get", "configmap", name, "-n", "default").succeeded();
    }

    private CommandRun sync() {
        return CommandRun.of("sync", "--config", dir.resolve("burst-gitops.yaml").toString(), "--once");
    }

    private static String configMap(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: default}\ndata: {a: b}\n";
    }
}
