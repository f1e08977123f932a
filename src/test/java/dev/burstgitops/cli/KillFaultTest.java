package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.demo.LocalApiServer;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite (issue 11): {@code sync --once} as a real process, killed with SIGKILL in the middle
 * of its apply or its prune (when the API server's audit log shows it has made a part of its
 * writes), then run again. The second run converges: everything Git holds is applied, everything
 * Git removed is pruned — including objects the killed run created but Git no longer holds — and
 * nothing else is deleted: objects Git still holds, and an object a person made by hand.
 */
class KillFaultTest {

    private static final GitAuthor DEV = new GitAuthor("Dana Developer", "dana@example.com");
    /** Enough objects that a pass takes seconds: there is a middle to kill it in. */
    private static final int OBJECTS = 1500;
    private static final int KEPT = 10;
    /** Kill once the controller has made this many writes to the cluster: well inside the pass. */
    private static final int KILL_AFTER_WRITES = 200;

    @TempDir
    Path dir;

    private KubeFixture east;
    private Path remote;
    private GitClient person;
    private Process process;

    @BeforeEach
    void setUp() {
        east = KubeFixture.start("east", dir);
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(
                "clusters/east/kept.yaml", configMaps("kept", KEPT)));
        person = GitClient.clone(remote.toUri().toString(), dir.resolve("person"), "main");
        writeConfig();
        CommandRun first = CommandRun.of(syncArgs());
        assertThat(first.exitCode()).as(first.all()).isZero();
        // An object a person made by hand: no pass may delete it.
        east.kubectl().run("create", "configmap", "made-by-hand", "-n", "default", "--from-literal=owner=person");
    }

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.destroyForcibly();
        }
        east.close();
    }

    @Test
    void killedMidApplyTheNextRunAppliesEverythingAndDeletesNothing() throws Exception {
        person.write("clusters/east/many.yaml", configMaps("many", OBJECTS)).commitAndPush(DEV, "Add many ConfigMaps");

        int applied = killAfter("patch");

        assertThat(applied).as("objects the killed run applied").isBetween(1, OBJECTS - 1);
        CommandRun again = CommandRun.of(syncArgs());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(managedConfigMaps()).isEqualTo(names("many", OBJECTS, "kept", KEPT));
        assertThat(inventory()).contains("many-" + (OBJECTS - 1)).contains("kept-0");
        assertThat(madeByHandIsThere()).isTrue();
    }

    @Test
    void killedMidApplyOfObjectsGitThenRemovesTheNextRunPrunesWhatTheKilledRunCreated() throws Exception {
        person.write("clusters/east/many.yaml", configMaps("many", OBJECTS)).commitAndPush(DEV, "Add many ConfigMaps");
        int applied = killAfter("patch");
        assertThat(applied).isBetween(1, OBJECTS - 1);

        person.delete("clusters/east/many.yaml").commitAndPush(DEV, "Too many ConfigMaps after all");
        CommandRun again = CommandRun.of(syncArgs());

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(managedConfigMaps()).as("nothing the killed run created is left behind")
                .isEqualTo(names("kept", KEPT));
        assertThat(madeByHandIsThere()).isTrue();
    }

    @Test
    void killedMidPruneTheNextRunPrunesTheRestAndNothingElse() throws Exception {
        person.write("clusters/east/many.yaml", configMaps("many", OBJECTS)).commitAndPush(DEV, "Add many ConfigMaps");
        CommandRun synced = CommandRun.of(syncArgs());
        assertThat(synced.exitCode()).as(synced.all()).isZero();
        assertThat(managedConfigMaps()).hasSize(OBJECTS + KEPT);
        person.delete("clusters/east/many.yaml").commitAndPush(DEV, "Remove them again");

        int pruned = killAfter("delete");

        assertThat(pruned).as("objects the killed run pruned").isBetween(1, OBJECTS - 1);
        assertThat(managedConfigMaps()).as("the kill left a part unpruned").hasSizeGreaterThan(KEPT);
        CommandRun again = CommandRun.of(syncArgs());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(managedConfigMaps()).isEqualTo(names("kept", KEPT));
        assertThat(inventory()).contains("kept-0").doesNotContain("many-");
        assertThat(madeByHandIsThere()).isTrue();
    }

    /**
     * Starts {@code sync --once} as a process of its own and kills it with SIGKILL once the
     * controller has sent {@link #KILL_AFTER_WRITES} requests with {@code verb} to the cluster;
     * returns how many of those the server had received by the time the process was gone.
     */
    private int killAfter(String verb) throws Exception {
        east.forgetRequests();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(Arrays.asList(syncArgs()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed-sync.log").toFile())
                .directory(new File(System.getProperty("user.dir"))).start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> controllerWrites(verb) >= KILL_AFTER_WRITES || !process.isAlive());
        assertThat(process.isAlive()).as("the sync was still running: " + log()).isTrue();
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        return controllerWrites(verb);
    }

    /** The controller's requests of this verb to ConfigMaps in {@code default}, read from the audit log. */
    private int controllerWrites(String verb) {
        return (int) east.requests().stream()
                .filter(request -> request.user().equals(LocalApiServer.CONTROLLER_USER))
                .filter(request -> request.verb().equals(verb))
                .filter(request -> request.path().startsWith("/api/v1/namespaces/default/configmaps/"))
                .count();
    }

    private Set<String> managedConfigMaps() {
        String names = east.kubectl().run("get", "configmaps", "-n", "default", "-l", "burst-gitops/cluster=east",
                "-o", "jsonpath={.items[*].metadata.name}");
        return Arrays.stream(names.split("\\s+")).filter(name -> !name.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private boolean madeByHandIsThere() {
        return east.kubectl().tryRun("get", "configmap", "made-by-hand", "-n", "default").succeeded();
    }

    private String inventory() {
        return east.inventoryYaml("east");
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("killed-sync.log"), StandardCharsets.UTF_8);
    }

    private void writeConfig() {
        try {
            Files.writeString(dir.resolve("burst-gitops.yaml"), """
                    git:
                      url: %s
                      checkoutDir: checkout
                    clusters:
                      - name: east
                        path: clusters/east
                        kubeconfig: %s
                        context: east
                    """.formatted(remote.toUri(), east.kubeconfig()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String[] syncArgs() {
        return new String[] {"sync", "--config", dir.resolve("burst-gitops.yaml").toString(), "--once"};
    }

    private static String configMaps(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
                + prefix + "-" + i + ", namespace: default}\ndata: {index: \"" + i + "\"}\n")
                .collect(Collectors.joining());
    }

    private static Set<String> names(Object... prefixesAndCounts) {
        Set<String> names = new TreeSet<>();
        for (int p = 0; p < prefixesAndCounts.length; p += 2) {
            String prefix = (String) prefixesAndCounts[p];
            int count = (Integer) prefixesAndCounts[p + 1];
            IntStream.range(0, count).forEach(i -> names.add(prefix + "-" + i));
        }
        return names;
    }
}
