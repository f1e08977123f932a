package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ClusterPolicy;
import dev.burstgitops.manifest.ClusterRenderer;
import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.manifest.RenderOptions;
import dev.burstgitops.manifest.RenderResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * This repository's own cluster directories render to the same objects with the built-in
 * renderer as with the real {@code kubectl kustomize}: what the controller applies is what
 * {@code kubectl apply -k} would.
 */
class ReferenceRenderParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"clusters/primary", "clusters/burst"})
    void theBuiltInRendererAndKubectlKustomizeGiveTheSameObjects(String directory) {
        ClusterRenderer renderer = new ClusterRenderer();
        ClusterPolicy any = ClusterPolicy.unrestricted("reference");

        RenderResult builtin = renderer.render(Path.of("."), directory, RenderOptions.builtin(any));
        RenderResult kubectl = renderer.render(Path.of("."), directory, RenderOptions.kustomize(any));

        assertThat(builtin.problems()).isEmpty();
        assertThat(kubectl.problems()).isEmpty();
        assertThat(contents(builtin)).isNotEmpty().containsExactlyInAnyOrderElementsOf(contents(kubectl));
    }

    private static List<Map<String, Object>> contents(RenderResult result) {
        return result.objects().stream().map(ManifestObject::content).toList();
    }
}
