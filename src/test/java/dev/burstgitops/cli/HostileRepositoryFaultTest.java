package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite (issue 11): hostile repository content pushed by a person, synced with
 * {@code sync --once} to two real API servers. The content lands in {@code clusters/east} in the
 * same commit as an ordinary change to both clusters. Each test asserts that nothing was lost:
 * east is not written at all (the change beside the hostile file waits, nothing is pruned, what was
 * synced before is still there), west gets its change, the hostile content reaches no cluster, and
 * — where the repository alone shows the problem — {@code validate} refuses the same commit.
 */
class HostileRepositoryFaultTest {

    private static final GitAuthor MALLORY = new GitAuthor("Mallory", "mallory@example.com");

    @TempDir
    Path dir;

    private KubeFixture east;
    private KubeFixture west;
    private Path remote;
    private GitClient person;
    private String eastSettings = "";
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        east = KubeFixture.start("east", dir);
        west = KubeFixture.start("west", dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        east.close();
        west.close();
    }

    @Test
    void aSymbolicLinkToAFileOutsideTheRepositoryIsRefused() throws Exception {
        syncedOnce();
        Path outside = outsideSecret();
        person.write("clusters/east/app.yaml", configMap("east-app", "2"));
        Files.createSymbolicLink(person.workTree().resolve("clusters/east/linked.yaml"), outside);

        CommandRun run = pushAndSync("Link a file from outside the repository");

        assertEastUntouchedWestSynced(run, "clusters/east/linked.yaml");
        assertThat(run.err()).contains("symbolic link");
        assertRefusedByValidate("clusters/east/linked.yaml");
    }

    @Test
    void aDotDotPathOutOfTheRepositoryIsRefused() throws Exception {
        syncedOnce();
        outsideSecret();
        person.write("clusters/east/app.yaml", configMap("east-app", "2"))
                .write("clusters/east/kustomization.yaml",
                        "resources: [app.yaml, keep.yaml, ../../../outside/secret.yaml]\n");

        CommandRun run = pushAndSync("Include a file from outside the repository");

        assertEastUntouchedWestSynced(run, "clusters/east/kustomization.yaml");
        assertThat(run.err()).contains("../../../outside/secret.yaml");
        assertRefusedByValidate("clusters/east/kustomization.yaml");
    }

    @Test
    void theClassicBillionLaughsIsRefused() throws Exception {
        syncedOnce();
        StringBuilder laughs = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n"
                + "  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        appendLevels(laughs, 'b', 'i', 10);
        person.write("clusters/east/app.yaml", configMap("east-app", "2"))
                .write("clusters/east/lol.yaml", laughs.toString());

        CommandRun run = pushAndSync("Laugh a billion times");

        assertEastUntouchedWestSynced(run, "clusters/east/lol.yaml");
        assertThat(run.err()).containsIgnoringCase("alias");
        assertRefusedByValidate("clusters/east/lol.yaml");
    }

    @Test
    void anAliasBombUnderSnakeYamlsFiftyAliasLimitIsRefused() throws Exception {
        syncedOnce();
        // 49 aliases in about 2.3 KB: 1,000 values, then seven levels of seven references: ~8 * 10^8 values.
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n"
                + "  a: &a [" + "x,".repeat(999) + "x]\n");
        appendLevels(bomb, 'b', 'h', 7);
        assertThat(bomb.toString().split("\\*", -1)).hasSize(50);
        person.write("clusters/east/app.yaml", configMap("east-app", "2"))
                .write("clusters/east/bomb.yaml", bomb.toString());

        CommandRun run = pushAndSync("Nest some aliases");

        assertEastUntouchedWestSynced(run, "clusters/east/bomb.yaml");
        assertThat(run.err()).contains("alias");
        assertRefusedByValidate("clusters/east/bomb.yaml");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutHoldingUpTheOtherCluster() throws Exception {
        syncedOnce();
        person.write("clusters/east/app.yaml", configMap("east-app", "2"))
                .write("clusters/east/huge.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n"
                        + "  blob: " + "x".repeat(5 * 1024 * 1024) + "\n");

        CommandRun run = pushAndSync("Add a 5 MiB file");

        assertEastUntouchedWestSynced(run, "clusters/east/huge.yaml");
        assertThat(run.err()).contains("a manifest file may hold");
        assertRefusedByValidate("clusters/east/huge.yaml");
    }

    @Test
    void anObjectDefinedTwiceIsRefused() throws Exception {
        syncedOnce();
        person.write("clusters/east/app.yaml", configMap("east-app", "2"))
                .write("clusters/east/again.yaml", configMap("east-app", "evil"));

        CommandRun run = pushAndSync("Define east-app a second time");

        assertEastUntouchedWestSynced(run, "clusters/east/again.yaml");
        assertThat(run.err()).contains("defined twice");
        assertRefusedByValidate("clusters/east/again.yaml");
    }

    @Test
    void aClusterRoleBindingInAClusterThatForbidsItIsRefused() throws Exception {
        syncedOnce();
        person.write("clusters/east/app.yaml", configMap("east-app", "2"))
                .write("clusters/east/admin.yaml", """
                        apiVersion: rbac.authorization.k8s.io/v1
                        kind: ClusterRoleBinding
                        metadata: {name: everyone-is-admin}
                        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                        subjects: [{kind: Group, name: "system:authenticated", apiGroup: rbac.authorization.k8s.io}]
                        """);

        CommandRun run = pushAndSync("Make everyone an admin");

        assertEastUntouchedWestSynced(run, "clusters/east/admin.yaml");
        assertThat(east.kubectl().tryRun("get", "clusterrolebinding", "everyone-is-admin").succeeded()).isFalse();
        assertRefusedByValidate("clusters/east/admin.yaml");
    }

    @Test
    void aClusterScopedCustomResourceWrittenWithANamespaceIsRefusedByTheClustersOwnScope() throws Exception {
        // The CRD comes from outside Git (an operator's chart), so only the cluster's discovery knows its scope.
        Path crd = Files.writeString(dir.resolve("crd.yaml"), """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: quotas.example.com}
                spec:
                  group: example.com
                  scope: Cluster
                  names: {kind: Quota, plural: quotas, singular: quota}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                """);
        east.kubectl().run("apply", "-f", crd.toString());
        east.kubectl().run("wait", "--for=condition=Established", "crd/quotas.example.com", "--timeout=60s");
        syncedOnce();
        person.write("clusters/east/app.yaml", configMap("east-app", "2"))
                .write("clusters/east/quota.yaml", """
                        apiVersion: example.com/v1
                        kind: Quota
                        metadata: {name: everything, namespace: default}
                        spec: {cpu: unlimited}
                        """);

        CommandRun run = pushAndSync("Add a quota, namespaced in appearance");

        assertEastUntouchedWestSynced(run, "clusters/east/quota.yaml");
        assertThat(run.all()).contains("cluster-scoped");
        assertThat(east.kubectl().tryRun("get", "quota.example.com", "everything").succeeded()).isFalse();
    }

    @Test
    void aKustomizationNamingARemoteResourceIsRefusedAndTheUrlIsNeverFetched() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer remoteContent = servingCounted(configMap("evil", "1"), fetched);
        eastSettings = "render: kustomize";
        syncedOnce();
        String url = "http://127.0.0.1:" + remoteContent.getAddress().getPort() + "/evil.yaml";
        person.write("clusters/east/app.yaml", configMap("east-app", "2"))
                .write("clusters/east/kustomization.yaml", "resources: [app.yaml, keep.yaml, " + url + "]\n");

        CommandRun run = pushAndSync("Take a resource from the web");

        assertEastUntouchedWestSynced(run, "clusters/east/kustomization.yaml");
        assertThat(run.err()).contains(url);
        assertThat(fetched).hasValue(0);
        assertThat(east.kubectl().tryRun("get", "configmap", "evil", "-n", "default").succeeded()).isFalse();
        assertRefusedByValidate("clusters/east/kustomization.yaml");
        assertThat(fetched).hasValue(0);
    }

    @Test
    void urlsInPatchesGeneratorsAndAResourceShadowedByACommittedFileAreRefusedAndNeverFetched() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer remoteContent = servingCounted("apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
                + "metadata: {name: mallory-admin, namespace: default}\nroleRef: {apiGroup: rbac.authorization.k8s.io,"
                + " kind: ClusterRole, name: admin}\nsubjects: [{kind: User, name: mallory}]\n", fetched);
        eastSettings = "render: kustomize";
        syncedOnce();
        String base = "http://127.0.0.1:" + remoteContent.getAddress().getPort();
        person.write("clusters/east/app.yaml", configMap("east-app", "2"))
                // The same path committed as a file: kustomize would still fetch the URL.
                .write("clusters/east/http:/127.0.0.1:" + remoteContent.getAddress().getPort() + "/rb.yaml", configMap("x", "1"))
                .write("clusters/east/kustomization.yaml", "resources: [app.yaml, keep.yaml, " + base + "/rb.yaml]\n"
                        + "patches: [{path: " + base + "/patch.yaml}]\n"
                        + "configMapGenerator: [{name: gen, files: [\"data=" + base + "/data.txt\"]}]\n");

        CommandRun run = pushAndSync("Patches and data from the web");

        assertEastUntouchedWestSynced(run, "clusters/east/kustomization.yaml");
        assertThat(run.err()).contains("resources names the remote " + base + "/rb.yaml")
                .contains("patches.path names the remote " + base + "/patch.yaml")
                .contains("configMapGenerator.files names the remote " + base + "/data.txt");
        assertThat(east.kubectl().tryRun("get", "rolebinding", "mallory-admin", "-n", "default").succeeded()).isFalse();
        assertRefusedByValidate("clusters/east/kustomization.yaml");
        assertThat(fetched).hasValue(0);
    }

    /** A local HTTP server answering {@code body} to every request, counting them in {@code requests}. */
    private HttpServer servingCounted(String body, AtomicInteger requests) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        opened.add(() -> server.stop(0));
        return server;
    }

    @Test
    void theInventoryConfigMapDeclaredInGitIsRefusedAndPruningGoesOnOnceItIsGone() throws Exception {
        syncedOnce();
        person.write("clusters/east/app.yaml", configMap("east-app", "2"))
                .write("clusters/east/inventory.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: burst-gitops-inventory-east, namespace: burst-gitops}
                        data: {objects.yaml: "[]"}
                        """);

        CommandRun run = pushAndSync("Empty the inventory");

        assertEastUntouchedWestSynced(run, "clusters/east/inventory.yaml");
        assertThat(run.all()).contains("inventory");
        assertThat(east.kubectl().run("get", "configmap", "burst-gitops-inventory-east", "-n", "burst-gitops",
                "-o", "jsonpath={.data.objects\\.yaml}")).contains("east-keep").contains("east-app");

        // Once the file is gone, the inventory still knows what was applied: removing east-keep prunes it.
        person.delete("clusters/east/inventory.yaml").delete("clusters/east/keep.yaml");
        CommandRun after = pushAndSync("Remove the inventory file and east-keep");

        assertThat(after.exitCode()).as(after.all()).isZero();
        assertThat(east.kubectl().tryRun("get", "configmap", "east-keep", "-n", "default").succeeded()).isFalse();
        assertThat(version(east, "east-app")).isEqualTo("2");
    }

    /** The repository as it was synced without trouble: two objects in east, one in west. */
    private void syncedOnce() {
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(
                "burst-gitops.yaml", repositoryConfig(),
                "clusters/east/app.yaml", configMap("east-app", "1"),
                "clusters/east/keep.yaml", configMap("east-keep", "1"),
                "clusters/west/app.yaml", configMap("west-app", "1")));
        person = GitClient.clone(remote.toUri().toString(), dir.resolve("person"), "main");
        CommandRun first = sync();
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(version(east, "east-app")).isEqualTo("1");
        assertThat(version(east, "east-keep")).isEqualTo("1");
        assertThat(version(west, "west-app")).isEqualTo("1");
    }

    /** Commits what the test wrote with west's ordinary change beside it, pushes, and syncs once. */
    private CommandRun pushAndSync(String message) {
        String westVersion = version(west, "west-app");
        person.write("clusters/west/app.yaml", configMap("west-app", Integer.toString(Integer.parseInt(westVersion) + 1)))
                .commitAndPush(MALLORY, message);
        east.forgetRequests();
        west.forgetRequests();
        return sync();
    }

    private void assertEastUntouchedWestSynced(CommandRun run, String hostileFile) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).as(run.all()).contains(hostileFile);
        // Refused at the render ("not applied"), or by the cluster's discovery before the first write.
        assertThat(run.out()).as(run.all()).containsPattern("sync east @[0-9a-f]{7}: (not applied"
                + "|0 created, 0 configured, 0 unchanged, 0 pruned, 1 failed)");
        assertThat(east.writes()).as("writes to east").isEmpty();
        assertThat(version(east, "east-app")).as("the change beside the hostile file waits").isEqualTo("1");
        assertThat(version(east, "east-keep")).as("nothing was pruned").isEqualTo("1");
        assertThat(east.kubectl().tryRun("get", "secret", "stolen", "-n", "default").succeeded()).isFalse();
        assertThat(version(west, "west-app")).as("the other cluster is synced").isEqualTo("2");
    }

    private void assertRefusedByValidate(String hostileFile) {
        CommandRun validate = CommandRun.of("validate", person.workTree().toString());
        assertThat(validate.exitCode()).as(validate.all()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(validate.all()).contains(hostileFile);
    }

    private CommandRun sync() {
        Path config = dir.resolve("burst-gitops.yaml");
        try {
            Files.writeString(config, """
                    git:
                      url: %s
                      checkoutDir: checkout
                    clusters:
                      - name: east
                        path: clusters/east
                        kubeconfig: %s
                        context: east
                        allowedClusterScopedKinds: [Namespace]
                        %s
                      - name: west
                        path: clusters/west
                        kubeconfig: %s
                        context: west
                    """.formatted(remote.toUri(), east.kubeconfig(), eastSettings, west.kubeconfig()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return CommandRun.of("sync", "--config", config.toString(), "--once");
    }

    /** The same clusters as the repository's own burst-gitops.yaml, for validate. */
    private String repositoryConfig() {
        return """
                git: {url: "file:///srv/fleet.git"}
                clusters:
                  - name: east
                    path: clusters/east
                    kubeconfig: in-cluster
                    allowedClusterScopedKinds: [Namespace]
                    %s
                  - {name: west, path: clusters/west, kubeconfig: in-cluster}
                """.formatted(eastSettings);
    }

    /** A Secret in a file beside the repository, which no render may read. */
    private Path outsideSecret() throws IOException {
        Path file = dir.resolve("outside/secret.yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "apiVersion: v1\nkind: Secret\nmetadata: {name: stolen, namespace: default}\n"
                + "stringData: {token: hunter2}\n");
    }

    private static void appendLevels(StringBuilder yaml, char first, char last, int references) {
        for (char level = first; level <= last; level++) {
            yaml.append("  ").append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < references; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append((char) (level - 1));
            }
            yaml.append("]\n");
        }
    }

    private static String configMap(String name, String version) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: default}\n"
                + "data: {version: \"" + version + "\"}\n";
    }

    private static String version(KubeFixture cluster, String configMap) {
        return cluster.kubectl().run("get", "configmap", configMap, "-n", "default", "-o", "jsonpath={.data.version}")
                .strip();
    }
}
