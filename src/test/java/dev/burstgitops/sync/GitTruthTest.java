package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git's configuration, exactly, on a real API server: what the server stores decides whether an
 * object changed, never a rule of thumb about values, and Git's removals win over a person's edits
 * and over lost managed fields, while other managers' own fields stay.
 */
class GitTruthTest {

    static final String FILE = "clusters/primary/app.yaml";

    @TempDir
    Path dir;

    KubeFixture primary;

    @BeforeEach
    void start() {
        primary = KubeFixture.start("primary", dir);
    }

    @AfterEach
    void stop() {
        primary.close();
    }

    @Test
    void valuesANumberRuleCalledEqualReachTheCluster() throws Exception {
        String before = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: versions, namespace: default}\n"
                + "data: {release: \"3.1\", build: \"010\"}\n";
        sync(before);
        String after = before.replace("\"3.1\"", "\"3.10\"").replace("\"010\"", "\"10\"");

        SyncReport plan = sync(after, SyncMode.DRY_RUN);
        SyncReport applied = sync(after);

        assertThat(plan.driftDetected()).isTrue();
        assertThat(plan.diffLines()).contains("    data.build: \"010\" -> \"10\"", "    data.release: \"3.1\" -> \"3.10\"");
        assertThat(applied.applied(ApplyReason.GIT)).isEqualTo(1);
        assertThat(get("configmap", "versions", "{.data.release}/{.data.build}")).isEqualTo("3.10/10");
    }

    @Test
    void aFalseAPersonDeletedIsReportedAndPutBack() throws Exception {
        String account = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: runner, namespace: default}\n"
                + "automountServiceAccountToken: false\n";
        sync(account);
        primary.kubectl().run("patch", "serviceaccount", "runner", "-n", "default", "--type=json",
                "-p", "[{\"op\":\"remove\",\"path\":\"/automountServiceAccountToken\"}]");

        SyncReport detected = sync(account, SyncMode.DETECT);
        SyncReport corrected = sync(account);

        assertThat(detected.diffLines()).containsExactly("~ update ServiceAccount default/runner (" + FILE + ":1)",
                "    automountServiceAccountToken: (none) -> false");
        assertThat(corrected.applied(ApplyReason.DRIFT)).isEqualTo(1);
        assertThat(get("serviceaccount", "runner", "{.automountServiceAccountToken}")).isEqualTo("false");
    }

    @Test
    void emptyValuesZerosRewrittenQuantitiesAndForeignEntriesCostNoWritesAfterTheFirst() throws Exception {
        String app = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: blanks, namespace: default, annotations: {}}
                data: {value: ""}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app, namespace: default}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: app}}
                  template:
                    metadata: {labels: {app: app}}
                    spec:
                      volumes: [{name: scratch, emptyDir: {sizeLimit: 1024Mi}}]
                      containers:
                        - name: app
                          image: example/app:1
                          args: []
                          resources: {requests: {cpu: 0.5}}
                          readinessProbe: {tcpSocket: {port: 8080}, initialDelaySeconds: 0}
                """;
        sync(app);
        // Another manager adds a list entry Git does not have.
        primary.kubectl().run("set", "env", "deployment/app", "-n", "default", "FOO=bar");

        SyncReport second = sync(app);
        int secondWrites = primary.writes().size();
        int secondDryRuns = primary.dryRuns().size();
        SyncReport third = sync(app);

        assertThat(secondWrites).as("writes on the second pass").isZero();
        assertThat(secondDryRuns).as("only the object someone else wrote is asked about").isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(primary.writes()).as("writes on the third pass").isEmpty();
        assertThat(primary.dryRuns()).as("dry runs on the third pass").isEmpty();
        assertThat(third.unchanged()).isEqualTo(2);
        assertThat(get("deployment", "app", "{.spec.template.spec.containers[0].env[0].value}")).isEqualTo("bar");
    }

    @Test
    void aFieldAPersonEditedThatGitThenDropsLeavesEvenAfterARestart() throws Exception {
        String settings = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\n"
                + "data: {color: blue, size: large}\n";
        sync(settings);
        primary.kubectl().run("patch", "configmap", "settings", "-n", "default", "--type=merge",
                "-p", "{\"data\":{\"size\":\"small\"}}");
        primary.kubectl().run("annotate", "configmap", "settings", "-n", "default", "reviewed-by=bob");

        SyncReport report;
        try (Fabric8ClusterApplier restarted = Fabric8ClusterApplier.connect(primary.target())) {
            primary.forgetRequests();
            report = restarted.sync(KubeManifests.parse(FILE, settings.replace(", size: large}", "}")),
                    SyncOptions.apply("c2"));
        }

        assertThat(ConfiguredFields.of(report)).singleElement().asString().contains("data.size", "taken over");
        assertThat(get("configmap", "settings", "{.data}")).isEqualTo("{\"color\":\"blue\"}");
        assertThat(get("configmap", "settings", "{.metadata.annotations.reviewed-by}")).isEqualTo("bob");
    }

    @Test
    void aControllerNamedInLeaveFieldsOfKeepsAFieldGitDropped() throws Exception {
        String settings = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\n"
                + "data: {color: blue, size: large}\n";
        sync(settings);
        primary.kubectl().run("patch", "configmap", "settings", "-n", "default", "--type=merge",
                "--field-manager=sizer", "-p", "{\"data\":{\"size\":\"small\"}}");
        primary.forgetRequests();

        SyncReport report = primary.applier().sync(KubeManifests.parse(FILE, settings.replace(", size: large}", "}")),
                SyncOptions.apply("c2").withManagersLeftAlone(java.util.Set.of("sizer")));

        assertThat(report.unchanged()).as("what the server would store is what it holds").isEqualTo(1);
        assertThat(primary.writes()).extracting(ApiRequest::path).as("only the inventory's new digest")
                .containsExactly("/api/v1/namespaces/burst-gitops/configmaps/burst-gitops-inventory-primary");
        assertThat(get("configmap", "settings", "{.data}")).isEqualTo("{\"color\":\"blue\",\"size\":\"small\"}");
        assertThat(get("configmap", "settings", "{.metadata.managedFields[*].manager}")).contains("sizer");
    }

    @Test
    void strippedManagedFieldsAreHealedWhileAnAutoscalersReplicasStay() throws Exception {
        String worker = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: worker, namespace: default, labels: {tier: web, team: blue}}
                spec:
                  selector: {matchLabels: {app: worker}}
                  template:
                    metadata: {labels: {app: worker}}
                    spec:
                      containers: [{name: worker, image: example/worker:1}]
                """;
        sync(worker);
        primary.kubectl().run("scale", "deployment", "worker", "-n", "default", "--replicas=5");
        primary.kubectl().run("patch", "deployment", "worker", "-n", "default", "--type=merge",
                "-p", "{\"metadata\":{\"managedFields\":[{}]}}");

        SyncReport healed = sync(worker);
        SyncReport dropped = sync(worker.replace("{tier: web, team: blue}", "{team: blue}"));

        assertThat(healed.applied(ApplyReason.DRIFT)).isEqualTo(1);
        assertThat(get("deployment", "worker", "{.metadata.managedFields[*].manager}")).isEqualTo("burst-gitops");
        assertThat(dropped.configured()).isEqualTo(1);
        assertThat(get("deployment", "worker", "{.metadata.labels}")).doesNotContain("tier").contains("team");
        assertThat(get("deployment", "worker", "{.spec.replicas}")).isEqualTo("5");
    }

    @Test
    void aClientSideKubectlApplyBootstrapIsTakenOverSoGitsRemovalsLeave() throws Exception {
        String settings = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\n"
                + "data: {color: blue, size: large}\n";
        Path manifest = Files.writeString(dir.resolve("bootstrap.yaml"), settings);
        primary.kubectl().run("apply", "-f", manifest.toString());

        SyncReport takeover = sync(settings);
        SyncReport removal = sync(settings.replace(", size: large}", "}"));

        assertThat(takeover.applied(ApplyReason.TAKEOVER)).isEqualTo(1);
        assertThat(get("configmap", "settings", "{.metadata.managedFields[*].manager}")).isEqualTo("burst-gitops");
        assertThat(get("configmap", "settings", "{.metadata.annotations}"))
                .as("kubectl's last-applied annotation went with its fields").doesNotContain("last-applied");
        assertThat(removal.applied(ApplyReason.GIT)).isEqualTo(1);
        assertThat(get("configmap", "settings", "{.data}")).isEqualTo("{\"color\":\"blue\"}");
    }

    @Test
    void anUntouchedClusterCostsNoWriteAndNoDryRunEvenAfterARestart() throws Exception {
        List<ManifestObject> reference = KubeManifests.resource("/sync/primary.yaml", FILE);
        primary.applier().sync(reference, SyncOptions.apply("c1"));

        primary.forgetRequests();
        SyncReport again = primary.applier().sync(reference, SyncOptions.apply("c1"));
        assertThat(again.unchanged()).isEqualTo(reference.size());
        assertThat(primary.writes()).isEmpty();
        assertThat(primary.dryRuns()).isEmpty();

        try (Fabric8ClusterApplier restarted = Fabric8ClusterApplier.connect(primary.target())) {
            primary.forgetRequests();
            restarted.sync(reference, SyncOptions.apply("c1"));
        }
        assertThat(primary.writes()).isEmpty();
        assertThat(primary.dryRuns()).isEmpty();
    }

    @Test
    void eachWriteIsCountedByWhyItWasMade() throws Exception {
        String two = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: default}\ndata: {x: \"1\"}\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: default}\ndata: {x: \"1\"}\n";
        primary.kubectl().run("create", "configmap", "b", "-n", "default", "--from-literal=x=0");

        SyncReport first = sync(two);
        primary.kubectl().run("patch", "configmap", "a", "-n", "default", "--type=merge", "-p", "{\"data\":{\"x\":\"2\"}}");
        SyncReport second = sync(two.replace("name: b, namespace: default}\ndata: {x: \"1\"}",
                "name: b, namespace: default}\ndata: {x: \"3\"}"));

        assertThat(first.applied(ApplyReason.GIT)).as("a created").isEqualTo(1);
        assertThat(first.applied(ApplyReason.TAKEOVER)).as("b adopted").isEqualTo(1);
        assertThat(second.applied(ApplyReason.DRIFT)).as("a put back").isEqualTo(1);
        assertThat(second.applied(ApplyReason.GIT)).as("b changed in Git").isEqualTo(1);
    }

    private SyncReport sync(String yaml) throws ClusterUnreachableException {
        return sync(yaml, SyncMode.APPLY);
    }

    private SyncReport sync(String yaml, SyncMode mode) throws ClusterUnreachableException {
        primary.forgetRequests();
        return primary.applier().sync(KubeManifests.parse(FILE, yaml), SyncOptions.apply("c1").withMode(mode));
    }

    private String get(String resource, String name, String jsonPath) {
        return primary.kubectl().jsonPath(resource, "default", name, jsonPath);
    }

}
