package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --once} end to end: this repository's own apps/ and clusters/ in a real remote,
 * two real API servers, and the real kubectl reading back what landed.
 */
class SyncCommandTest {

    private static final GitAuthor DEV = new GitAuthor("Dana Developer", "dana@example.com");

    @TempDir
    Path dir;

    private KubeFixture primary;
    private KubeFixture burst;
    private Path remote;
    private GitClient person;

    @BeforeEach
    void setUp() {
        primary = KubeFixture.start("primary", dir);
        burst = KubeFixture.start("burst", dir);
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), RepositoryFiles.of("apps", "clusters"));
        person = GitClient.clone(remote.toUri().toString(), dir.resolve("person"), "main");
    }

    @AfterEach
    void tearDown() {
        primary.close();
        burst.close();
    }

    @Test
    void theFirstSyncAppliesTheReferenceLayoutToBothClusters() throws IOException {
        CommandRun run = sync();

        assertThat(run.exitCode()).as(run.all()).isZero();
        // Every object is new but the `default` Namespace, which a real cluster always has: it is
        // configured (given the Istio injection label and the managed labels), not created.
        assertThat(run.out()).containsPattern("sync primary @[0-9a-f]{7}: \\d+ created, 1 configured, 0 unchanged, "
                + "0 pruned, 0 failed in \\d+ ms");
        assertThat(run.out()).containsPattern("sync burst @[0-9a-f]{7}: \\d+ created, 1 configured, 0 unchanged, "
                + "0 pruned, 0 failed in \\d+ ms");
        assertThat(primary.kubectl().run("get", "namespace", "default",
                "-o", "jsonpath={.metadata.labels.istio-injection} {.metadata.labels.burst-gitops/cluster}"))
                .isEqualTo("enabled primary");
        assertThat(burst.kubectl().run("get", "namespace", "default",
                "-o", "jsonpath={.metadata.labels.burst-gitops/cluster}")).isEqualTo("burst");
        assertThat(primary.kubectl().run("get", "virtualservice", "worker-virtual-service", "-n", "default",
                "-o", "jsonpath={.spec.http[0].route[*].weight}")).isEqualTo("100 0");
        assertThat(primary.kubectl().run("get", "deployment", "redis-cache", "-n", "default", "-o", "name").strip())
                .isEqualTo("deployment.apps/redis-cache");
        assertThat(burst.kubectl().run("get", "deployment", "worker-deployment", "-n", "default",
                "-o", "jsonpath={.spec.template.spec.containers[0].env[?(@.name=='PREFIX')].value}"))
                .isEqualTo("bursty-");
        assertThat(burst.kubectl().tryRun("get", "deployment", "redis-cache", "-n", "default").succeeded()).isFalse();
        assertThat(primary.kubectl().run("get", "deployment", "frontend-deployment", "-n", "default",
                "-o", "jsonpath={.metadata.labels.burst-gitops/cluster}")).isEqualTo("primary");
    }

    @Test
    void anUnchangedRepositoryCostsNoWrites() throws IOException {
        sync();
        primary.forgetRequests();
        burst.forgetRequests();

        CommandRun again = sync();

        assertThat(again.exitCode()).isZero();
        assertThat(primary.writes()).isEmpty();
        assertThat(burst.writes()).isEmpty();
        assertThat(again.out()).contains("0 created, 0 configured");
    }

    @Test
    void aCommitThatChangesTheWeightsIsOneWriteToPrimaryOnly() throws IOException {
        sync();
        primary.forgetRequests();
        burst.forgetRequests();
        String vs = "apps/istio/worker-virtualservice.yaml";
        person.write(vs, Files.readString(Path.of(vs)).replace("weight: 100", "weight: 50")
                .replace("weight: 0", "weight: 50")).commitAndPush(DEV, "Split worker traffic 50/50");

        assertThat(sync().exitCode()).isZero();

        // The object, then the inventory, which records the configuration and resourceVersion just applied.
        assertThat(primary.writes()).extracting(ApiRequest::method).containsExactly("PATCH", "PATCH");
        assertThat(primary.writes().get(0).path()).endsWith("/virtualservices/worker-virtual-service");
        assertThat(primary.writes().get(1).path()).endsWith("/configmaps/burst-gitops-inventory-primary");
        assertThat(primary.dryRuns()).as("nobody else wrote it: no dry run").isEmpty();
        assertThat(burst.writes()).isEmpty();
    }

    @Test
    void aBrokenFileAbortsThatClusterBeforeAnythingIsAppliedOrPrunedAndTheOtherGoesOn() throws IOException {
        sync();
        primary.forgetRequests();
        String burstWorker = "apps/worker/burst/deployment.yaml";
        person.write("apps/frontend/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: [broken\n")
                .write(burstWorker, Files.readString(Path.of(burstWorker)).replace("bursty-", "burst2-"))
                .commitAndPush(DEV, "Break the frontend, rename the burst prefix");

        CommandRun run = sync();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("apps/frontend/deployment.yaml:4:");
        assertThat(run.out()).containsPattern("sync primary @[0-9a-f]{7}: not applied, \\d+ render problems? "
                + "\\(nothing applied or pruned\\)");
        assertThat(primary.writes()).isEmpty();
        assertThat(burst.kubectl().run("get", "deployment", "worker-deployment", "-n", "default",
                "-o", "jsonpath={.spec.template.spec.containers[0].env[?(@.name=='PREFIX')].value}"))
                .as("the burst cluster's render had no problem, so it was synced").isEqualTo("burst2-");
    }

    @Test
    void aForbiddenClusterScopedKindIsRefused() throws IOException {
        person.write("apps/worker/burst/admin.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: everyone-is-admin
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: Group, name: system:authenticated, apiGroup: rbac.authorization.k8s.io}]
                """).write("apps/worker/burst/kustomization.yaml",
                        Files.readString(Path.of("apps/worker/burst/kustomization.yaml")) + "  - admin.yaml\n")
                .commitAndPush(DEV, "Sneak in a ClusterRoleBinding");

        CommandRun run = sync("--cluster", "burst");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("apps/worker/burst/admin.yaml:1: ClusterRoleBinding");
        assertThat(burst.writes()).isEmpty();
    }

    @Test
    void dryRunPrintsThePlanWritesNothingAndExitsOneWhenSomethingWouldChange() throws IOException {
        CommandRun run = sync("--dry-run", "--cluster", "primary");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains("create").contains("worker-virtual-service").contains("(nothing written)");
        assertThat(primary.writes()).isEmpty();
    }

    @Test
    void dryRunAfterASyncExitsZeroAndWithDiffShowsEachFieldAPersonsCommitWouldChange() throws IOException {
        assertThat(sync("--cluster", "primary").exitCode()).isZero();
        assertThat(sync("--dry-run", "--cluster", "primary").exitCode()).as("nothing would change").isZero();
        String vs = "apps/istio/worker-virtualservice.yaml";
        String weights = Files.readString(Path.of(vs));
        person.write(vs, weights.replace("weight: 100", "weight: 70").replace("weight: 0", "weight: 30"))
                .commitAndPush(DEV, "Send 30% to burst for a test");
        primary.forgetRequests();

        CommandRun run = sync("--dry-run", "--diff", "--cluster", "primary");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains("~ update VirtualService.networking.istio.io default/worker-virtual-service")
                .contains("    spec.http[0].route[0].weight: 100 -> 70")
                .contains("    spec.http[0].route[1].weight: 0 -> 30")
                .doesNotContain("unchanged ");
        assertThat(primary.writes()).isEmpty();
    }

    @Test
    void aDryRunOfASecretSaysWhichKeysChangeNeverTheirValuesFromGitOrFromTheCluster() throws IOException {
        assertThat(sync("--cluster", "primary").exitCode()).isZero();
        // The administrator's Secret, applied client-side: kubectl's last-applied annotation holds the value too.
        Path adminSecret = dir.resolve("admin-secret.yaml");
        Files.writeString(adminSecret, "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: default}\n"
                + "stringData: {password: hunter2-admin, user: admin}\n");
        primary.kubectl().run("apply", "-f", adminSecret.toString());
        String kustomization = "clusters/primary/kustomization.yaml";
        person.write("clusters/primary/db-secret.yaml", "apiVersion: v1\nkind: Secret\n"
                        + "metadata: {name: db, namespace: default}\nstringData: {password: hunter3-git, user: admin}\n")
                .write(kustomization, Files.readString(Path.of(kustomization)) + "  - db-secret.yaml\n")
                .commitAndPush(DEV, "The database password from Git");
        primary.forgetRequests();

        CommandRun diff = sync("--dry-run", "--diff", "--cluster", "primary");
        CommandRun plan = sync("--dry-run", "--cluster", "primary");
        CommandRun json = sync("--dry-run", "-o", "json", "--cluster", "primary");

        assertThat(diff.out()).as(diff.all()).contains("Secret default/db").contains("data.password");
        for (CommandRun run : List.of(diff, plan, json)) {
            for (String value : List.of("hunter2-admin", "hunter3-git", base64("hunter2-admin"), base64("hunter3-git"))) {
                assertThat(run.all()).doesNotContain(value);
            }
        }
        assertThat(primary.writes()).isEmpty();
    }

    private static String base64(String value) {
        return java.util.Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void jsonOutputHasAnObjectPerClusterWithEveryObjectsAction() throws IOException {
        CommandRun run = sync("--dry-run", "-o", "json");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.PROBLEMS);
        com.fasterxml.jackson.databind.JsonNode clusters = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out());
        assertThat(clusters).extracting(c -> c.get("cluster").asText()).containsExactly("primary", "burst");
        com.fasterxml.jackson.databind.JsonNode primaryJson = clusters.get(0);
        assertThat(primaryJson.get("wouldChange").asBoolean()).isTrue();
        assertThat(primaryJson.get("objects")).anySatisfy(object -> {
            assertThat(object.get("action").asText()).isEqualTo("create");
            assertThat(object.get("object").asText()).isEqualTo("VirtualService.networking.istio.io default/worker-virtual-service");
        });
        assertThat(primaryJson.get("created").asLong()).isEqualTo(primaryJson.get("objects").size() - 1);
    }

    @Test
    void aOneShotPassUsesAWorkingCopyOfItsOwnNotTheRunningSyncLoops() throws IOException {
        assertThat(sync("--cluster", "burst").exitCode()).isZero();

        assertThat(dir.resolve("checkout-sync-once").resolve(".git")).isDirectory();
        assertThat(dir.resolve("checkout-sync")).doesNotExist();
    }

    @Test
    void anUnreachableClusterFailsWhileTheOtherIsSynced() throws IOException {
        burst.close();

        CommandRun run = sync();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains("sync burst @").contains("unreachable");
        assertThat(run.out()).containsPattern("sync primary @[0-9a-f]{7}: \\d+ created");
    }

    private CommandRun sync(String... extra) throws IOException {
        Path config = dir.resolve("burst-gitops.yaml");
        Files.writeString(config, """
                git:
                  url: %s
                  checkoutDir: checkout
                clusters:
                  - name: primary
                    path: clusters/primary
                    kubeconfig: %s
                    context: primary
                    allowedNamespaces: [default, istio-system, burst-gitops]
                    allowedClusterScopedKinds: [Namespace, ClusterRole, ClusterRoleBinding, PriorityClass]
                  - name: burst
                    path: clusters/burst
                    kubeconfig: %s
                    context: burst
                    allowedNamespaces: [default]
                """.formatted(remote.toUri(), primary.kubeconfig(), burst.kubeconfig()));
        List<String> args = new java.util.ArrayList<>(List.of("sync", "--config", config.toString(), "--once"));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @SuppressWarnings("unused")
    private static Map<String, String> none() {
        return Map.of();
    }
}
