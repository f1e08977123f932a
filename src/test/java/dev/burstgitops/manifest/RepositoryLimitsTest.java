package dev.burstgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.validate.RepositoryValidator;
import dev.burstgitops.validate.ValidationProblem;
import dev.burstgitops.validate.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each repository limit is the configured one, and a refusal names the file and the key to raise. */
class RepositoryLimitsTest {

    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s}\n";
    /** 2,068 bytes: over a 1 KiB limit, far under the default. */
    private static final String BIG = CONFIG_MAP.formatted("big") + "data:\n  blob: " + "x".repeat(2000) + "\n";

    @TempDir
    Path repo;

    private final ClusterRenderer renderer = new ClusterRenderer();

    @Test
    void aFileOverALoweredSizeLimitIsRefusedNamingTheFileAndTheLimit() throws Exception {
        write("clusters/east/small.yaml", CONFIG_MAP.formatted("small"));
        write("clusters/east/big.yaml", BIG);

        RenderResult result = render(new RepositoryLimits(1024, 1_000_000, 10_000));

        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly("clusters/east/big.yaml: is 2068"
                + " bytes, more than the 1024 bytes (1 KiB) a manifest file may hold (sync.limits.maxFileSize)");
    }

    @Test
    void aRaisedSizeLimitReadsAFileBiggerThanSnakeYamlsOwnBound() throws Exception {
        // SnakeYAML refuses streams over 3 MiB by itself; a raised limit must be the one that decides.
        StringBuilder big = new StringBuilder(CONFIG_MAP.formatted("big")).append("data:\n");
        for (int key = 0; big.length() < 4 * 1024 * 1024; key++) {
            big.append("  k").append(key).append(": ").append("v".repeat(100)).append('\n');
        }
        write("clusters/east/big.yaml", big.toString());

        RenderResult defaults = render(RepositoryLimits.DEFAULTS);
        RenderResult raised = render(new RepositoryLimits(8L * 1024 * 1024, 1_000_000, 10_000));

        assertThat(defaults.problems()).singleElement().asString().contains("(sync.limits.maxFileSize)");
        assertThat(raised.problems()).isEmpty();
        assertThat(raised.objects()).extracting(ManifestObject::name).containsExactly("big");
    }

    @Test
    void aDocumentWhoseAliasesExpandPastALoweredLimitIsRefusedAtTheAnchor() throws Exception {
        // Four aliases of a ten-item list: 5 + 4 * 11 values with the aliases written out, 45 without.
        write("clusters/east/aliases.yaml", CONFIG_MAP.formatted("aliases") + """
                data:
                  list: &items [a, b, c, d, e, f, g, h, i, j]
                extra: [*items, *items, *items, *items]
                """);

        RenderResult lowered = render(new RepositoryLimits(1024, 40, 10_000));
        RenderResult defaults = render(RepositoryLimits.DEFAULTS);

        assertThat(lowered.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/east/aliases.yaml:5: its YAML aliases expand to more than 40 values, over"
                        + " sync.limits.maxExpandedYamlNodes (an alias bomb?); write the values out");
        assertThat(defaults.problems()).isEmpty();
    }

    @Test
    void aDocumentWithoutAliasesOverTheValueLimitIsNotCalledAnAliasBomb() throws Exception {
        write("clusters/east/wide.yaml", CONFIG_MAP.formatted("wide") + "data: {a: '1', b: '2', c: '3', d: '4'}\n");

        RenderResult result = render(new RepositoryLimits(1024, 10, 10_000));

        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/east/wide.yaml:1: the document holds more than 10 values, over sync.limits.maxExpandedYamlNodes");
    }

    @Test
    void aDirectoryRenderingMoreObjectsThanALoweredLimitIsRefusedNamingTheLimit() throws Exception {
        for (int i = 0; i < 4; i++) {
            write("clusters/east/c" + i + ".yaml", CONFIG_MAP.formatted("c" + i));
        }

        RenderResult three = render(new RepositoryLimits(1024, 1_000_000, 3));
        RenderResult four = render(new RepositoryLimits(1024, 1_000_000, 4));

        assertThat(three.objects()).isEmpty();
        assertThat(three.problems()).extracting(RenderProblem::toString).containsExactly("clusters/east: renders 4"
                + " objects, more than the 3 a cluster directory may hold (sync.limits.maxObjectsPerCluster)");
        assertThat(four.problems()).isEmpty();
    }

    @Test
    void theLimitsOfTheConfigurationReachTheRendererOfTheCluster() throws Exception {
        write("clusters/east/big.yaml", BIG);
        BurstGitopsConfig config = ConfigLoader.parse("""
                git: {url: "file:///srv/fleet.git"}
                clusters:
                  - {name: east, path: clusters/east, kubeconfig: in-cluster}
                sync:
                  limits: {maxFileSize: 1Ki, maxExpandedYamlNodes: 500, maxObjectsPerCluster: 7}
                """, "burst-gitops.yaml", repo);

        RenderOptions options = ClusterRendering.options(config, config.cluster("east").orElseThrow());
        RenderResult result = renderer.render(repo, "clusters/east", options);

        assertThat(options.limits()).isEqualTo(new RepositoryLimits(1024, 500, 7));
        assertThat(result.problems()).singleElement().asString()
                .startsWith("clusters/east/big.yaml: is 2068 bytes").endsWith("(sync.limits.maxFileSize)");
    }

    @Test
    void validateReadsTheRepositoryWithTheLimitsOfItsOwnConfiguration() throws Exception {
        // Under apps/ and rendered by no cluster: only validate's reading of every layout file sees it.
        write("apps/unused/big.yaml", BIG);
        write("clusters/east/small.yaml", CONFIG_MAP.formatted("small"));
        write("burst-gitops.yaml", """
                git: {url: "file:///srv/fleet.git"}
                clusters:
                  - {name: east, path: clusters/east, kubeconfig: in-cluster}
                sync: {limits: {maxFileSize: 1Ki}}
                """);

        ValidationReport lowered = new RepositoryValidator(Clock.systemUTC()).validate(repo);
        write("burst-gitops.yaml", Files.readString(repo.resolve("burst-gitops.yaml")).replace("1Ki", "4Ki"));
        ValidationReport raised = new RepositoryValidator(Clock.systemUTC()).validate(repo);

        assertThat(lowered.problems()).extracting(ValidationProblem::toString).containsExactly("apps/unused/big.yaml:"
                + " is 2068 bytes, more than the 1024 bytes (1 KiB) a manifest file may hold (sync.limits.maxFileSize)");
        assertThat(raised.problems()).isEmpty();
    }

    private RenderResult render(RepositoryLimits limits) {
        return renderer.render(repo, "clusters/east",
                RenderOptions.builtin(ClusterPolicy.unrestricted("east")).withLimits(limits));
    }

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
