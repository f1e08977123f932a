package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.leader.LeaderCandidate;
import dev.burstgitops.sync.KubernetesClients;
import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --once} with {@code leaderElection} enabled, beside a Lease in a real API server: a
 * replica that holds it runs a sync loop that writes to the same cluster, so the one-shot pass
 * writes nothing while the Lease is valid, unless told to. The audit log is the witness.
 */
class SyncBesideLeaderTest {

    private static final String NAMESPACE = "burst-gitops";
    private static final String LEASE = "burst-gitops";
    /** Long enough that the Lease cannot expire while a test runs. */
    private static final Duration VALID_FOR = Duration.ofHours(1);

    @TempDir
    Path dir;

    private KubeFixture primary;
    private KubernetesClient admin;
    private Path config;

    @BeforeEach
    void startTheClusterOfTheLeaseAndTheRepository() throws IOException {
        primary = KubeFixture.start("primary", dir);
        LeaderCandidate.createNamespace(primary, NAMESPACE);
        admin = KubernetesClients.connect(primary.target());
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of("clusters/primary/a.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  namespace: default
                data:
                  name: a
                """));
        config = Files.writeString(dir.resolve("burst-gitops.yaml"), """
                git:
                  url: %s
                  checkoutDir: checkout
                clusters:
                  - name: primary
                    path: clusters/primary
                    kubeconfig: %s
                    context: primary
                    allowedNamespaces: [default]
                leaderElection: { enabled: true, namespace: %s, leaseName: %s }
                """.formatted(remote.toUri(), primary.kubeconfig(), NAMESPACE, LEASE));
    }

    @AfterEach
    void stopTheCluster() {
        admin.close();
        primary.close();
    }

    @Test
    void refusesToWriteWhileAnotherReplicaHoldsTheLeaseAndWritesOnceItHasExpired() {
        ZonedDateTime renewed = holdLease("replica-a", ZonedDateTime.now(ZoneOffset.UTC));
        primary.forgetRequests();

        CommandRun refused = sync();

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ExitCodes.LEADER_ELSEWHERE);
        assertThat(refused.err()).contains("sync: not writing: replica-a holds Lease burst-gitops/burst-gitops until "
                + renewed.plus(VALID_FOR).toInstant()).contains("--ignore-leader");
        assertThat(primary.writes()).isEmpty();
        assertThat(primary.kubectl().tryRun("get", "configmap", "a", "-n", "default").succeeded()).isFalse();

        holdLease("replica-a", ZonedDateTime.now(ZoneOffset.UTC).minus(VALID_FOR).minusMinutes(1));
        CommandRun afterExpiry = sync();

        assertThat(afterExpiry.exitCode()).as(afterExpiry.all()).isZero();
        assertThat(primary.writes()).filteredOn(ApiRequest::byController).extracting(ApiRequest::path)
                .anyMatch(path -> path.endsWith("/namespaces/default/configmaps/a"));
        assertThat(primary.kubectl().run("get", "configmap", "a", "-n", "default", "-o", "name").strip())
                .isEqualTo("configmap/a");
    }

    @Test
    void aDryRunPlansBesideTheLeaderAndIgnoreLeaderWritesBesideIt() {
        holdLease("replica-a", ZonedDateTime.now(ZoneOffset.UTC));
        primary.forgetRequests();

        CommandRun dryRun = sync("--dry-run");
        CommandRun refused = sync();

        assertThat(dryRun.exitCode()).as(dryRun.all()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(dryRun.out()).contains("create").contains("(nothing written)");
        assertThat(dryRun.err()).doesNotContain("not writing");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ExitCodes.LEADER_ELSEWHERE);
        assertThat(primary.writes()).isEmpty();

        CommandRun ignoring = sync("--ignore-leader");

        assertThat(ignoring.exitCode()).as(ignoring.all()).isZero();
        assertThat(primary.kubectl().run("get", "configmap", "a", "-n", "default", "-o", "name").strip())
                .isEqualTo("configmap/a");
    }

    @Test
    void aLeaseReleasedByItsHolderOrDeletedLetsItWrite() {
        holdLease("replica-a", ZonedDateTime.now(ZoneOffset.UTC));
        assertThat(sync().exitCode()).isEqualTo(ExitCodes.LEADER_ELSEWHERE);

        // As fabric8's elector releases a lease on a clean stop: the holder emptied.
        holdLease("", ZonedDateTime.now(ZoneOffset.UTC));
        CommandRun released = sync();
        admin.resources(Lease.class).inNamespace(NAMESPACE).withName(LEASE).delete();
        CommandRun absent = sync();

        assertThat(released.exitCode()).as(released.all()).isZero();
        assertThat(absent.exitCode()).as(absent.all()).isZero();
    }

    /** Creates or replaces the Lease as a replica's elector leaves it: held by {@code holder}, renewed at {@code renewed}. */
    private ZonedDateTime holdLease(String holder, ZonedDateTime renewed) {
        ZonedDateTime at = renewed.truncatedTo(ChronoUnit.SECONDS);
        Lease lease = new LeaseBuilder().withNewMetadata().withName(LEASE).withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds((int) VALID_FOR.toSeconds())
                .withAcquireTime(at).withRenewTime(at).endSpec().build();
        admin.resource(lease).fieldManager("test").forceConflicts().serverSideApply();
        return at;
    }

    private CommandRun sync(String... extra) {
        List<String> args = new ArrayList<>(List.of("sync", "--config", config.toString(), "--once"));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
