package dev.burstgitops.validate;

import static dev.burstgitops.validate.FixtureRepository.good;
import static dev.burstgitops.validate.FixtureRepository.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fixture repository, validated: exactly the lines {@code validate} prints for it. */
class FixtureRepositoriesTest {

    @TempDir
    Path repository;

    @Test
    void aCompleteRepositoryWithACurrentOverridePasses() {
        assertThat(validate(good(repository))).containsExactly("validate: ok (2 clusters, 8 objects, 1 policy)");
    }

    @Test
    void aPolicyThatLeavesBurstOnTheFirstPollWithoutDataIsWarnedOfAtItsKey() throws IOException {
        good(repository);
        Path config = repository.resolve("burst-gitops.yaml");
        Files.writeString(config, Files.readString(config).replace("    exitBelow: 10\n",
                "    exitBelow: 10\n    onMissingData: natural\n"));

        assertThat(validate(repository)).containsExactly(
                "burst-gitops.yaml:13: warning: policy worker: onMissingData: natural with exitFor: 0s leaves burst on the first"
                        + " poll without data (a restarted Prometheus, a missed scrape); give exitFor a few poll intervals",
                "validate: ok (2 clusters, 8 objects, 1 policy), 1 warning");
    }

    @Test
    void aYamlSyntaxErrorIsReportedOnceAtItsLineThoughTwoClustersRenderTheFile() {
        assertThat(validate(good(repository, "bad-yaml"))).containsExactly(
                "apps/worker/service/service.yaml:12: invalid YAML: expected <block end>, but found '<block mapping start>'"
                        + " (while parsing a block collection started at line 10)",
                "validate: 1 problem in 1 file");
    }

    @Test
    void weightsThatDoNotAddUpTo100AreReportedAtTheRoute() {
        assertThat(validate(good(repository, "weights-90-20"))).containsExactly(
                "apps/istio/worker-virtualservice.yaml:10: VirtualService worker-virtual-service:"
                        + " route 0 weights add up to 110 (primary 90 + burst 20), not 100",
                "validate: 1 problem in 1 file");
    }

    @Test
    void aRepositoryKeepingVirtualServicesOutsideTheLayoutHasTheirWeightsChecked() {
        // mesh/ is no layout directory and no cluster renders it: it is checked as the repository's YAML.
        assertThat(validate(good(repository, "mesh-weights-90-20"))).containsExactly(
                "mesh/worker-virtualservice.yaml:10: VirtualService worker-from-gateway:"
                        + " route 0 weights add up to 110 (primary 90 + burst 20), not 100",
                "validate: 1 problem in 1 file");
    }

    @Test
    void yamlThatIsNoManifestOfThisRepositoryCausesNoProblem() {
        // A docs site's broken YAML, a tool's settings, a Helm chart's template, a code tree's
        // fixture and another layout's half-written VirtualService: none is this repository's state.
        assertThat(validate(good(repository, "non-manifest-yaml")))
                .containsExactly("validate: ok (2 clusters, 8 objects, 1 policy)");
    }

    @Test
    void aSubsetNoDestinationRuleDefinesIsReportedAtTheSubset() {
        assertThat(validate(good(repository, "unknown-subset"))).containsExactly(
                "apps/istio/worker-virtualservice.yaml:21: VirtualService worker-virtual-service:"
                        + " subset 'canary' of host worker-service.default.svc.cluster.local is not defined by any"
                        + " DestinationRule (worker-destination-rule defines primary, burst)",
                "validate: 1 problem in 1 file");
    }

    @Test
    void aPolicyNamingAMissingVirtualServiceFileIsReportedAtThePolicy() {
        assertThat(validate(good(repository, "missing-virtualservice-file"))).containsExactly(
                "burst-gitops.yaml:14: policies[0].virtualService: apps/istio/worker.yaml: no such file in the repository",
                "validate: 1 problem in 1 file");
    }

    @Test
    void anExpiredOverrideIsReportedAtItsUntil() {
        assertThat(validate(good(repository, "expired-override"))).containsExactly(
                "overrides/worker.yaml:3: override expired at 2026-11-25T06:00:00Z;"
                        + " policy worker is decided from the metric again, so remove the file",
                "validate: 1 problem in 1 file");
    }

    @Test
    void anOverrideForAPolicyTheConfigurationDoesNotDefineIsReported() {
        assertThat(validate(good(repository, "unknown-policy-override"))).containsExactly(
                "overrides/frontend.yaml: policy 'frontend' is not defined in burst-gitops.yaml (policies: worker)",
                "validate: 1 problem in 1 file");
    }

    @Test
    void aClusterScopedKindTheClusterDoesNotAllowIsReportedAtTheObject() {
        assertThat(validate(good(repository, "forbidden-kind"))).containsExactly(
                "apps/rbac/clusterrolebinding.yaml:2: ClusterRoleBinding is cluster-scoped and not allowed in cluster"
                        + " primary (allowedClusterScopedKinds: [Namespace])",
                "validate: 1 problem in 1 file");
    }

    @Test
    void anInvalidConfigurationIsReportedWithItsKeyPathAndTheClustersAreStillRendered() throws IOException {
        good(repository, "invalid-config");
        Path burst = repository.resolve("clusters/burst/kustomization.yaml");
        Files.writeString(burst, Files.readString(burst) + "  - ../../apps/redis\n");

        assertThat(validate(repository)).containsExactly(
                "burst-gitops.yaml:12: policies[0].exitBelow: must be below enterAbove (15)",
                "clusters/burst/kustomization.yaml:7: path '../../apps/redis' does not exist",
                "validate: 2 problems in 2 files");
    }

    @Test
    void withoutAConfigurationEveryClusterDirectoryRendersUnrestrictedAndOverridesAreStillChecked() throws IOException {
        good(repository, "forbidden-kind");
        Files.delete(repository.resolve("burst-gitops.yaml"));
        Files.writeString(repository.resolve("overrides/worker.yaml"),
                Files.readString(repository.resolve("overrides/worker.yaml")).replace("mode: burst", "mode: sideways"));

        assertThat(validate(repository)).containsExactly(
                "overrides/worker.yaml:2: mode must be natural, burst or suspend, not 'sideways'",
                "validate: 1 problem in 1 file");
    }

    @Test
    void aCleanRepositoryWithoutConfigurationCountsItsClusterDirectories() throws IOException {
        good(repository);
        Files.delete(repository.resolve("burst-gitops.yaml"));

        assertThat(validate(repository)).containsExactly("validate: ok (2 clusters, 8 objects, 0 policies)");
    }

    @Test
    void aVirtualServiceNoClusterRendersYetIsCheckedAgainstTheDestinationRulesOfTheRepository() throws IOException {
        good(repository);
        Files.createDirectories(repository.resolve("apps/canary"));
        Files.writeString(repository.resolve("apps/canary/virtualservice.yaml"), """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: worker-canary
                spec:
                  hosts: [worker-service]
                  http:
                    - route:
                        - destination: { host: worker-service, subset: primary }
                          weight: 95
                        - destination: { host: worker-service, subset: canary }
                          weight: 5
                """);

        assertThat(validate(repository)).containsExactly(
                "apps/canary/virtualservice.yaml:11: VirtualService worker-canary: subset 'canary' of host worker-service"
                        + " is not defined by any DestinationRule (worker-destination-rule defines primary, burst)",
                "validate: 1 problem in 1 file");
    }
}
