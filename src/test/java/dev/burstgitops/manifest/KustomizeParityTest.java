package dev.burstgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in subset is only correct if it produces what kustomize produces: each fixture is
 * rendered both ways, both outputs are parsed by the same loader, and the objects are compared
 * as maps, ignoring their order.
 */
class KustomizeParityTest {

    @BeforeAll
    static void kubectlIsInstalled() {
        assumeThat(KubectlCommand.available()).as("kubectl on PATH").isTrue();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"kustomize, clusters/primary", "nested, clusters/burst", "nested, base/worker"})
    void builtinRendererProducesTheSameObjectsAsKubectlKustomize(String fixture, String directory) throws Exception {
        Path repo = RenderFixtures.repo(fixture);
        RepositoryPaths paths = RepositoryPaths.of(repo);

        RenderResult builtin = BuiltinRenderer.render(paths, paths.resolveExisting(paths.root(), directory, SourceLocation.of(directory)),
                RepositoryLimits.DEFAULTS);
        List<Map<String, Object>> expected = contents(new ManifestLoader().parse(KubectlCommand.kustomize(repo, directory), "kubectl"));

        assertThat(builtin.problems()).isEmpty();
        assertThat(expected).isNotEmpty();
        assertThat(contents(builtin)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"kustomize, clusters/primary", "nested, clusters/burst"})
    void bothEnginesRenderTheSameDesiredObjects(String fixture, String directory) {
        ClusterRenderer renderer = new ClusterRenderer();
        ClusterPolicy policy = ClusterPolicy.unrestricted("primary");

        RenderResult builtin = renderer.render(RenderFixtures.repo(fixture), directory, RenderOptions.builtin(policy));
        RenderResult kustomize = renderer.render(RenderFixtures.repo(fixture), directory, RenderOptions.kustomize(policy));

        assertThat(kustomize.problems()).isEmpty();
        assertThat(contents(builtin)).containsExactlyInAnyOrderElementsOf(contents(kustomize));
    }

    private static List<Map<String, Object>> contents(RenderResult result) {
        return result.objects().stream().map(ManifestObject::content).toList();
    }

    /** Runs the real kubectl, independently of the code under test. */
    static final class KubectlCommand {

        static boolean available() {
            try {
                return new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        static String kustomize(Path repo, String directory) throws IOException, InterruptedException {
            Process process = new ProcessBuilder("kubectl", "kustomize", repo.resolve(directory).toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize exit code").isZero();
            return output;
        }
    }
}
