package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.sync.KubernetesClients;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frozen leader (issue 20): leader A is paused (SIGSTOP) in the middle of a pass, past its
 * lease; B takes the Lease over and applies the next revision; A is woken (SIGCONT). Whatever A
 * had in flight or was about to write must not roll any object back: its writes are fenced by its
 * own monotonic clock (the lease, as A last renewed it, no longer outlasts a request) and, for an
 * object B wrote since A read it, by the API server (the resourceVersion A read is a precondition).
 * Two real {@code run} processes, a real Lease in a real API server, real signals.
 */
@Tag("wall-clock")
class FrozenLeaderTest {

    /**
     * Enough ConfigMaps that A's pass lasts seconds on a busy two-core machine, so that the test
     * freezes it mid-pass with requests in flight and objects still to go; the issue saw it with
     * 650. Fewer make the pass end before it can be frozen.
     */
    private static final int CONFIG_MAPS = 650;
    /** A short lease for the test; a request timeout well inside it, so that a healthy leader's renewals keep the fence up. */
    private static final String LEADER_ELECTION =
            "leaderElection: { enabled: true, leaseDuration: 5s, renewDeadline: 4s, retryPeriod: 500ms }";
    private static final Duration LEASE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private KubeFixture primary;
    private KubernetesClient client;
    private Path remote;
    private Process a;
    private Process b;

    @BeforeEach
    void startTheClusterAndTheRepositoryAtRevisionOne() throws IOException {
        primary = KubeFixture.start("primary", dir);
        client = KubernetesClients.connect(primary.target());
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("burst-gitops")
                .endMetadata().build()).create();
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of("clusters/primary/configmaps.yaml",
                configMaps("1")));
    }

    @AfterEach
    void stopEverything() {
        for (Process process : new Process[] {a, b}) {
            if (process != null && process.isAlive()) {
                // A stopped process takes SIGKILL too; continued first so nothing is left frozen.
                signal(process, "CONT");
                process.destroyForcibly();
            }
        }
        client.close();
        primary.close();
    }

    @Test
    void aLeaderFrozenMidPassPastItsLeaseLeavesNoObjectAtTheOlderRevision() throws Exception {
        a = start("a");
        await("A leads and its pass has created some but not all ConfigMaps")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> created("a") >= CONFIG_MAPS / 6);
        signal(a, "STOP");
        int createdWhenFrozen = created("a");
        assertThat(createdWhenFrozen).as("A was frozen mid-pass").isLessThan(CONFIG_MAPS);

        b = start("b");
        GitClient person = GitClient.clone(remote.toUri().toString(), dir.resolve("person"), GitRemotes.BRANCH);
        person.write("clusters/primary/configmaps.yaml", configMaps("2"))
                .commitAndPush(GitRemotes.SEEDER, "Revision 2 of every ConfigMap");
        await("B takes the Lease over once A's expires").atMost(LEASE.plusSeconds(30))
                .until(() -> holder().equals(Optional.of("replica-b")));
        await("B applies revision 2 to every ConfigMap").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> revisions().getOrDefault("2", 0L) == CONFIG_MAPS);

        signal(a, "CONT");
        await("A wakes, says it lost the lease and exits").atMost(Duration.ofSeconds(45))
                .until(() -> !a.isAlive());

        assertThat(revisions()).as("ConfigMaps by revision, after A woke (A froze with %d created)", createdWhenFrozen)
                .containsExactly(Map.entry("2", (long) CONFIG_MAPS));
        String aSaid = log("a");
        assertThat(aSaid).contains("lost the leader lease").contains("this replica no longer leads");
        assertThat(aSaid.toLowerCase()).doesNotContain("unreachable");
        assertThat(a.exitValue()).isNotZero();
    }

    /** Every ConfigMap of the repository, its one value at {@code revision}. */
    private static String configMaps(String revision) {
        return IntStream.range(0, CONFIG_MAPS).mapToObj(i -> String.format(
                "apiVersion: v1%nkind: ConfigMap%nmetadata: {name: cm-%03d, namespace: default}%n"
                        + "data: {revision: \"%s\"}%n", i, revision))
                .collect(Collectors.joining("---\n"));
    }

    /** How many of the ConfigMaps are at each revision. */
    private Map<String, Long> revisions() {
        List<ConfigMap> items = client.configMaps().inNamespace("default").list().getItems();
        return items.stream().filter(cm -> cm.getMetadata().getName().startsWith("cm-"))
                .collect(Collectors.groupingBy(cm -> String.valueOf(cm.getData().get("revision")),
                        Collectors.counting()));
    }

    private Optional<String> holder() {
        Lease lease = client.resources(Lease.class).inNamespace("burst-gitops").withName("burst-gitops").get();
        return Optional.ofNullable(lease).map(Lease::getSpec).map(LeaseSpec::getHolderIdentity);
    }

    /** The ConfigMaps a replica logged it creates. */
    private int created(String name) {
        return (int) log(name).lines().filter(line -> line.contains("create ConfigMap default/cm-")).count();
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void signal(Process process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Process start(String name) throws IOException {
        Path config = ConfigYaml.forRemote(remote.toUri()).git("checkoutDir: checkout-" + name)
                .git("pollInterval: 1s")
                // No resync while the test looks: an object left at revision 1 stays there to be seen.
                .section("sync:\n  interval: 1h")
                .cluster("primary", primary.kubeconfig(), "requestTimeout: 2s")
                .section("server: { port: 0 }")
                .section(LEADER_ELECTION)
                .writeTo(dir.resolve(name + ".yaml"));
        return RunReplicas.start(config, dir, name);
    }
}
