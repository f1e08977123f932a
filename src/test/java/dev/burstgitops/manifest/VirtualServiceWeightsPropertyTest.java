package dev.burstgitops.manifest;

import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.NAME;
import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.assertOnlyWeightLinesDiffer;
import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties that must hold on every fixture, for any weights: writing what was read is a
 * no-op (same String), and a write reads back as written and changes only weight lines.
 */
class VirtualServiceWeightsPropertyTest {

    private static final Set<String> SUBSETS = Set.of("primary", "burst");

    @ParameterizedTest
    @ValueSource(strings = {"reference-worker", "commented", "missing-weight", "flow", "crlf", "non-bmp"})
    void writingRandomWeightsReadsBackAndWritingThemAgainChangesNothing(String name) throws Exception {
        Random random = new Random(name.hashCode()); // fixed per case: a failure can be replayed
        String text = fixture(name + ".yaml");
        for (int round = 0; round < 25; round++) {
            int primary = random.nextInt(101);
            Map<String, Integer> weights = Map.of("primary", primary, "burst", 100 - primary);

            String written = VirtualServiceWeights.write(text, name, NAME, weights);

            assertThat(VirtualServiceWeights.read(written, name, NAME, SUBSETS).allRoutesHave(weights)).isTrue();
            assertThat(VirtualServiceWeights.write(written, name, NAME, weights)).isSameAs(written);
            assertOnlyWeightLinesDiffer(text, written);
            text = written;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference-worker.yaml", "commented.yaml", "flow.burst.expected.yaml",
            "missing-weight.burst.expected.yaml", "crlf.burst.expected.yaml", "non-bmp.burst.expected.yaml"})
    void writingBackTheWeightsJustReadReturnsTheIdenticalString(String fixture) throws Exception {
        String text = fixture(fixture);

        Map<String, Integer> current = singleSplit(VirtualServiceWeights.read(text, fixture, NAME, SUBSETS));

        assertThat(VirtualServiceWeights.write(text, fixture, NAME, current)).isSameAs(text);
    }

    /** The one split all routes share; these fixtures have one, with every weight written. */
    private static Map<String, Integer> singleSplit(WeightedRoutes weights) {
        Map<String, Integer> split = new LinkedHashMap<>();
        for (WeightedRoute route : weights.routes()) {
            route.weights().forEach((subset, weight) -> split.put(subset, weight.orElseThrow()));
        }
        List<WeightedRoute> routes = weights.routes();
        assertThat(routes).allSatisfy(route -> assertThat(route.has(split)).isTrue());
        assertThat(split.values()).doesNotContainNull();
        return split;
    }
}
