package dev.burstgitops.validate;

import static dev.burstgitops.validate.FixtureRepository.validate;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layouts this project ships pass the check that their own CI templates run. */
class ReferenceLayoutsTest {

    /** Maven runs tests in the project root, which is itself a GitOps layout (apps/, clusters/). */
    private static final Path PROJECT = Path.of(".");
    /** Where the reference layout keeps the controller's configuration: no root burst-gitops.yaml. */
    private static final String CONFIG_MAP = "apps/burst-gitops/configmap.yaml";
    /** The codelab's Istio-1.0 query, which the reference layout used before. */
    private static final String CODELAB_QUERY = "sum(rate(istio_requests_total{reporter=\"destination\","
            + "destination_service=\"worker-service.default.svc.cluster.local\",source_workload=\"frontend-deployment\"}[15s]))";
    private static final String DESTINATION_WARNING = "policy worker: query uses reporter=\"destination\": on a"
            + " multi-cluster mesh the primary's Prometheus does not see requests served in the burst cluster, so the"
            + " rate collapses in burst mode; measure reporter=\"source\" at the frontend";
    private static final String WINDOW_WARNING = "policy worker: query's range window [15s] is shorter than 4 scrape"
            + " intervals (prometheus.scrapeInterval: 15s): it often holds a single sample, and rate() of one sample"
            + " is no data; use [1m] or longer";

    @TempDir
    Path repository;

    @Test
    void thisProjectsOwnLayoutPassesWithItsEmbeddedConfigurationCheckedAndItsTestFixturesLeftOut() {
        // Objects counted loosely: the reference manifests grow with the project, and this test is
        // about "ok" with the ConfigMap's policy checked (src/ holds fixtures that fail on purpose).
        assertThat(validate(PROJECT)).singleElement(as(InstanceOfAssertFactories.STRING))
                .matches("validate: ok \\(2 clusters, \\d+ objects, 1 policy from " + CONFIG_MAP + "\\)");
    }

    @Test
    void theRepositoryTemplatePassesWithoutAWarningOnceItsPlaceholdersAreFilledIn() throws IOException {
        fillInTemplate();

        assertThat(validate(repository)).containsExactly("validate: ok (2 clusters, 8 objects, 1 policy)");
    }

    @Test
    void theReferenceLayoutPassesWithoutAWarningWithItsEmbeddedConfigurationChecked() {
        referenceLayout();

        assertThat(validate(repository)).singleElement(as(InstanceOfAssertFactories.STRING))
                .matches("validate: ok \\(2 clusters, \\d+ objects, 1 policy from " + CONFIG_MAP + "\\)");
    }

    @Test
    void aKeyMisspeltInTheReferenceConfigMapFailsAtItsLineThere() throws IOException {
        Path config = referenceLayout();
        String text = Files.readString(config);
        String key = text.lines().filter(line -> line.strip().startsWith("enterAbove:")).findFirst().orElseThrow();
        Files.writeString(config, text.replace(key, key.replace("enterAbove:", "enterAbvoe:")));

        assertThat(validate(repository)).anySatisfy(line -> assertThat(line)
                .startsWith(CONFIG_MAP + ":" + lineOf(text, key) + ": policies[0].enterAbvoe: unknown key"));
    }

    @Test
    void theCodelabsDestinationQueryOverFifteenSecondsIsWarnedOfAtItsLineAndStillPasses() throws IOException {
        Path config = referenceLayout();
        String text = Files.readString(config);
        String query = text.lines().filter(line -> line.strip().startsWith("query:")).findFirst().orElseThrow();
        String indent = query.substring(0, query.indexOf("query:"));
        Files.writeString(config, text.replace(query, indent + "query: " + CODELAB_QUERY));
        String at = CONFIG_MAP + ":" + lineOf(text, query) + ": warning: ";

        List<String> output = validate(repository);

        assertThat(output).hasSize(3);
        assertThat(output.subList(0, 2)).containsExactly(at + DESTINATION_WARNING, at + WINDOW_WARNING);
        assertThat(output.get(2)).matches("validate: ok \\(2 clusters, \\d+ objects, 1 policy from " + CONFIG_MAP
                + "\\), 2 warnings");
    }

    @Test
    void aWindowIsMeasuredAgainstTheConfiguredScrapeInterval() throws IOException {
        Path config = referenceLayout();
        String text = Files.readString(config);
        assertThat(text).contains("scrapeInterval: 15s", "[1m]");  // else the edits below would change nothing
        String shorter = text.replace("scrapeInterval: 15s", "scrapeInterval: 5s").replace("[1m]", "[20s]");
        Files.writeString(config, shorter);
        assertThat(validate(repository)).hasSize(1);

        Files.writeString(config, shorter.replace("[20s]", "[19s]"));
        assertThat(validate(repository)).first(as(InstanceOfAssertFactories.STRING))
                .endsWith("query's range window [19s] is shorter than 4 scrape intervals"
                        + " (prometheus.scrapeInterval: 5s): it often holds a single sample, and rate() of one sample"
                        + " is no data; use [20s] or longer");
    }

    @Test
    void theTemplateWithTheCodelabsQueryIsWarnedOfBothWays() throws IOException {
        fillInTemplate();
        Path config = repository.resolve("burst-gitops.yaml");
        String text = Files.readString(config);
        String query = text.lines().filter(line -> line.strip().startsWith("query:")).findFirst().orElseThrow();
        Files.writeString(config, text.replace(query, "    query: sum(rate(istio_requests_total{reporter=\"destination\","
                + "destination_service=\"worker.default.svc.cluster.local\"}[15s]))"));
        String at = "burst-gitops.yaml:" + lineOf(text, query) + ": warning: ";

        assertThat(validate(repository)).containsExactly(at + DESTINATION_WARNING, at + WINDOW_WARNING,
                "validate: ok (2 clusters, 8 objects, 1 policy), 2 warnings");
    }

    /** This project's apps/ and clusters/, its configuration in the ConfigMap; returns that ConfigMap's file. */
    private Path referenceLayout() {
        for (String tree : List.of("apps", "clusters")) {
            FixtureRepository.copyTree(PROJECT.resolve(tree), repository.resolve(tree));
        }
        return repository.resolve(CONFIG_MAP);
    }

    private static int lineOf(String text, String line) {
        return text.lines().toList().indexOf(line) + 1;
    }

    private void fillInTemplate() throws IOException {
        Path template = PROJECT.resolve("gitops-repo-template");
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path source : walk.filter(Files::isRegularFile).toList()) {
                Path target = repository.resolve(fillIn(template.relativize(source).toString()));
                Files.createDirectories(target.getParent());
                Files.writeString(target, fillIn(Files.readString(source)));
            }
        }
    }

    /** What {@code burst-gitops init DIR --service worker} does, in the default namespace. */
    private static String fillIn(String text) {
        return text.replace("__SERVICE__", "worker").replace("__NAMESPACE__", "default");
    }
}
