package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.manifest.ClusterRendering;
import dev.burstgitops.manifest.RenderProblem;
import dev.burstgitops.manifest.RenderResult;
import dev.burstgitops.validate.RepositoryValidator;
import dev.burstgitops.validate.ValidationProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects the controller keeps for itself — each cluster's inventory ConfigMap, the leader-election
 * Lease — are render errors at the file that declares them, in the sync loop and in validate alike.
 */
class ReservedObjectsTest {

    private static final String CONFIG = """
            git: {url: "file:///srv/fleet.git"}
            clusters:
              - {name: primary, path: clusters/primary, kubeconfig: in-cluster}
              - {name: burst, path: clusters/burst, kubeconfig: in-cluster}
            sync: {inventoryNamespace: gitops-system}
            leaderElection: {enabled: true, namespace: gitops-system, leaseName: fleet-leader}
            """;
    private static final String LEASE = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ordinary, namespace: gitops-system}
            ---
            apiVersion: coordination.k8s.io/v1
            kind: Lease
            metadata: {name: %s, namespace: gitops-system}
            spec: {holderIdentity: someone-else}
            """;

    @TempDir
    Path repo;

    private BurstGitopsConfig config;

    @BeforeEach
    void writeConfig() throws Exception {
        write("burst-gitops.yaml", CONFIG);
        config = ConfigLoader.load(repo.resolve("burst-gitops.yaml"));
    }

    @Test
    void theLeaderElectionLeaseDeclaredInTheClusterThatHoldsItIsARenderErrorAtItsFile() throws Exception {
        write("clusters/primary/lease.yaml", LEASE.formatted("fleet-leader"));

        RenderResult rendered = render("primary");

        assertThat(rendered.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/primary/lease.yaml:5: Lease.coordination.k8s.io gitops-system/fleet-leader is the"
                        + " controller's leader-election Lease (leaderElection.leaseName); it cannot be declared in Git");
    }

    @Test
    void aLeaseOfAnotherNameOrInAClusterWithoutTheElectionIsOrdinaryContent() throws Exception {
        write("clusters/primary/lease.yaml", LEASE.formatted("some-app-leader"));
        write("clusters/burst/lease.yaml", LEASE.formatted("fleet-leader"));

        assertThat(render("primary").problems()).isEmpty();
        assertThat(render("burst").problems()).isEmpty();
    }

    @Test
    void theInventoryConfigMapIsARenderErrorAlsoWhenAKustomizationGivesItItsNamespace() throws Exception {
        write("clusters/burst/kustomization.yaml", "namespace: gitops-system\nresources: [inventory.yaml]\n");
        write("clusters/burst/inventory.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: burst-gitops-inventory-burst}
                data: {objects.yaml: "[]"}
                """);

        RenderResult rendered = render("burst");

        assertThat(rendered.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/burst/inventory.yaml:1: ConfigMap gitops-system/burst-gitops-inventory-burst is the"
                        + " controller's inventory of this cluster (or a part of it); it cannot be declared in Git");
    }

    @Test
    void validateRefusesTheLeaseAsTheSyncLoopDoes() throws Exception {
        write("clusters/primary/lease.yaml", LEASE.formatted("fleet-leader"));
        write("clusters/burst/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n");

        var report = new RepositoryValidator(Clock.systemUTC()).validate(repo);

        assertThat(report.problems()).extracting(ValidationProblem::toString).containsExactly(
                "clusters/primary/lease.yaml:5: Lease.coordination.k8s.io gitops-system/fleet-leader is the"
                        + " controller's leader-election Lease (leaderElection.leaseName); it cannot be declared in Git");
    }

    private RenderResult render(String cluster) {
        return ClusterRendering.render(repo, config.cluster(cluster).orElseThrow(),
                ClusterRendering.options(config, config.cluster(cluster).orElseThrow()));
    }

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
