package dev.burstgitops.validate;

import static dev.burstgitops.validate.FixtureRepository.good;
import static dev.burstgitops.validate.FixtureRepository.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration as the reference layout keeps it, embedded in a ConfigMap
 * ({@code embedded-config}: the good repository's configuration in
 * {@code apps/controller/configmap.yaml}, its text starting on line 10): found, checked as a root
 * file is, and every problem reported at the ConfigMap's own line.
 */
class EmbeddedConfigurationTest {

    private static final String CONFIG_MAP = "apps/controller/configmap.yaml";

    @TempDir
    Path repository;

    @Test
    void aConfigMapEmbeddingTheConfigurationIsCheckedAndItsPoliciesCounted() throws IOException {
        onlyEmbedded();

        assertThat(validate(repository)).containsExactly(
                "validate: ok (2 clusters, 8 objects, 1 policy from " + CONFIG_MAP + ")");
    }

    @Test
    void aMisspeltKeyIsReportedAtTheConfigMapsLineOfIt() throws IOException {
        onlyEmbedded();
        replace(CONFIG_MAP, "maxOverrideDuration: 7d", "maxOverideDuration: 7d");

        assertThat(validate(repository)).hasSize(2).satisfies(output -> {
            // Line 4 of the embedded text, which starts on line 10 of the file.
            assertThat(output.get(0)).startsWith(CONFIG_MAP + ":13: git.maxOverideDuration: unknown key");
            assertThat(output.get(1)).isEqualTo("validate: 1 problem in 1 file");
        });
    }

    @Test
    void theClustersRenderUnderTheEmbeddedConfigurationsPolicy() throws IOException {
        good(repository, "forbidden-kind");
        FixtureRepository.copyTree(FixtureRepository.FIXTURES.resolve("embedded-config"), repository);
        Files.delete(repository.resolve("burst-gitops.yaml"));

        assertThat(validate(repository)).containsExactly(
                "apps/rbac/clusterrolebinding.yaml:2: ClusterRoleBinding is cluster-scoped and not allowed in cluster"
                        + " primary (allowedClusterScopedKinds: [Namespace])",
                "validate: 1 problem in 1 file");
    }

    @Test
    void aPolicysVirtualServiceFileAndItsQueryAreCheckedAtTheirEmbeddedLines() throws IOException {
        onlyEmbedded();
        replace(CONFIG_MAP, "file: apps/istio/worker-virtualservice.yaml", "file: apps/istio/worker.yaml");
        replace(CONFIG_MAP, "[1m]", "[15s]");

        assertThat(validate(repository)).containsExactly(
                // At the entry's first key, file:, as for a root burst-gitops.yaml.
                CONFIG_MAP + ":23: policies[0].virtualService: apps/istio/worker.yaml: no such file in the repository",
                CONFIG_MAP + ":18: warning: policy worker: query's range window [15s] is shorter than 4 scrape"
                        + " intervals (prometheus.scrapeInterval: 15s): it often holds a single sample, and rate() of"
                        + " one sample is no data; use [1m] or longer",
                "validate: 1 problem in 1 file, 1 warning");
    }

    @Test
    void withARootFileAndAConfigMapEachIsCheckedAndEachProblemNamesItsFile() throws IOException {
        good(repository, "embedded-config");
        replace(CONFIG_MAP, "enterAbove: 15", "enterAbove: 5");

        assertThat(validate(repository)).containsExactly(
                CONFIG_MAP + ":21: policies[0].exitBelow: must be below enterAbove (5)",
                "validate: 1 problem in 1 file");

        replace(CONFIG_MAP, "enterAbove: 5", "enterAbove: 15");
        assertThat(validate(repository)).containsExactly(
                "validate: ok (2 clusters, 8 objects, 2 policies from burst-gitops.yaml, " + CONFIG_MAP + ")");
    }

    @Test
    void anOverrideForAPolicyNoConfigurationDefinesNamesEveryConfiguration() throws IOException {
        good(repository, "unknown-policy-override");
        FixtureRepository.copyTree(FixtureRepository.FIXTURES.resolve("embedded-config"), repository);

        assertThat(validate(repository)).containsExactly(
                "overrides/frontend.yaml: policy 'frontend' is not defined in burst-gitops.yaml (policies: worker)"
                        + " nor " + CONFIG_MAP + " (policies: worker)",
                "validate: 1 problem in 1 file");
    }

    @Test
    void embeddedTextThatIsNoValidYamlIsReportedAtTheConfigMapsLineOfTheError() throws IOException {
        onlyEmbedded();
        // Valid as the ConfigMap's text, but a tab may not indent YAML: line 5 of the embedded text.
        replace(CONFIG_MAP, "\n    prometheus:\n      url:", "\n    prometheus:\n    \turl:");

        assertThat(validate(repository)).hasSize(2).first().asString()
                .startsWith(CONFIG_MAP + ":15: not valid YAML: ");
    }

    @Test
    void aQuotedConfigurationWhoseLinesAreEscapedIsReportedAtItsValueWithTheEmbeddedLine() throws IOException {
        good(repository);
        Files.delete(repository.resolve("burst-gitops.yaml"));
        // How a YAML emitter (kubectl create configmap --from-file) writes text with trailing spaces.
        write(CONFIG_MAP, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: burst-gitops-config}
                data:
                  burst-gitops.yaml: "git:\\n  url: https://git.example.com/acme/fleet.git  \\n  brnach: main\\n"
                """);

        assertThat(validate(repository)).hasSize(2).first().asString().startsWith(CONFIG_MAP
                + ":5: git.brnach: unknown key (known here: ").endsWith(") (line 3 of the embedded burst-gitops.yaml)");
    }

    @Test
    void aConfigurationWrittenAsAMappingRatherThanTextIsAProblemAtIt() throws IOException {
        good(repository);
        write(CONFIG_MAP, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: burst-gitops-config}
                data:
                  burst-gitops.yaml:
                    git: {url: "https://git.example.com/acme/fleet.git"}
                """);

        assertThat(validate(repository)).containsExactly(CONFIG_MAP + ":6: data.burst-gitops.yaml: is a mapping;"
                        + " the controller reads the configuration as text, so write it as a block scalar"
                        + " (burst-gitops.yaml: |)",
                "validate: 1 problem in 1 file");
    }

    @Test
    void anEmptyEmbeddedConfigurationIsReportedAtItsKey() throws IOException {
        good(repository);
        write(CONFIG_MAP, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: burst-gitops-config}
                data:
                  other.yaml: x
                  burst-gitops.yaml: |
                    # nothing configured yet
                """);

        assertThat(validate(repository)).containsExactly(CONFIG_MAP + ":6: the file is empty",
                "validate: 1 problem in 1 file");
    }

    /** The embedded configuration alone, as in the reference layout. */
    private void onlyEmbedded() throws IOException {
        good(repository, "embedded-config");
        Files.delete(repository.resolve("burst-gitops.yaml"));
    }

    private void replace(String file, String from, String to) throws IOException {
        String text = Files.readString(repository.resolve(file));
        assertThat(text).contains(from);  // else the test would pass without changing anything
        Files.writeString(repository.resolve(file), text.replace(from, to));
    }

    private void write(String file, String text) throws IOException {
        Files.createDirectories(repository.resolve(file).getParent());
        Files.writeString(repository.resolve(file), text);
    }
}
