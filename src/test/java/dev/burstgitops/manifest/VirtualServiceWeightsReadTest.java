package dev.burstgitops.manifest;

import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.BURST;
import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.NAME;
import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.NATURAL;
import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VirtualServiceWeightsReadTest {

    private static final Set<String> SUBSETS = Set.of("primary", "burst");

    @Test
    void theReferenceFileReadsAsOneRouteInNaturalMode() throws Exception {
        WeightedRoutes weights = read("reference-worker.yaml", SUBSETS);

        assertThat(weights.virtualService()).isEqualTo(NAME);
        assertThat(weights.location()).isEqualTo(new SourceLocation("reference-worker.yaml", 1));
        assertThat(weights.routes()).singleElement().satisfies(route -> {
            assertThat(route.index()).isZero();
            assertThat(route.location()).isEqualTo(new SourceLocation("reference-worker.yaml", 11));
            assertThat(route.weights()).containsExactly(
                    Map.entry("primary", OptionalInt.of(100)), Map.entry("burst", OptionalInt.of(0)));
        });
        assertThat(weights.allRoutesHave(NATURAL)).isTrue();
        assertThat(weights.allRoutesHave(BURST)).isFalse();
    }

    @Test
    void everyHttpRouteIsReadAndOtherVirtualServicesInTheFileAreIgnored() throws Exception {
        WeightedRoutes weights = read("commented.yaml", SUBSETS);

        assertThat(weights.location().line()).isEqualTo(18);
        assertThat(weights.routes()).extracting(WeightedRoute::index).containsExactly(0, 1);
        assertThat(weights.routes()).extracting(route -> route.location().line()).containsExactly(31, 46);
        assertThat(weights.allRoutesHave(NATURAL)).isTrue();
    }

    @Test
    void anAbsentWeightKeyReadsAsEmptyAndMatchesNoMode() throws Exception {
        WeightedRoutes weights = read("missing-weight.yaml", SUBSETS);

        assertThat(weights.routes().get(0).weights())
                .containsEntry("primary", OptionalInt.empty())
                .containsEntry("burst", OptionalInt.empty());
        assertThat(weights.routes().get(1).weights())
                .containsExactly(Map.entry("burst", OptionalInt.of(0)), Map.entry("primary", OptionalInt.empty()));
        assertThat(weights.allRoutesHave(NATURAL)).isFalse();
        assertThat(weights.allRoutesHave(BURST)).isFalse();
    }

    @Test
    void aHalfAndHalfSplitIsNeitherMode() throws Exception {
        String text = VirtualServiceWeights.write(fixture("reference-worker.yaml"), "f.yaml", NAME,
                Map.of("primary", 50, "burst", 50));

        WeightedRoutes weights = VirtualServiceWeights.read(text, "f.yaml", NAME, SUBSETS);

        assertThat(weights.allRoutesHave(NATURAL)).isFalse();
        assertThat(weights.allRoutesHave(BURST)).isFalse();
        assertThat(weights.allRoutesHave(Map.of("primary", 50, "burst", 50))).isTrue();
    }

    @Test
    void onlyTheSubsetsAskedAboutAreReported() throws Exception {
        WeightedRoutes weights = read("reference-worker.yaml", Set.of("burst"));

        assertThat(weights.routes()).singleElement()
                .satisfies(route -> assertThat(route.weights()).containsOnlyKeys("burst"));
    }

    @Test
    void subsetNamesComeFromTheCallerNotFromTheCode() throws Exception {
        String text = fixture("reference-worker.yaml")
                .replace("subset: primary", "subset: on-prem").replace("subset: burst", "subset: cloud");

        WeightedRoutes weights = VirtualServiceWeights.read(text, "f.yaml", NAME, Set.of("on-prem", "cloud"));

        assertThat(weights.allRoutesHave(Map.of("on-prem", 100, "cloud", 0))).isTrue();
    }

    @Test
    void flowStyleAndNonBmpFilesReadTheSameAsBlockStyle() throws Exception {
        assertThat(read("flow.yaml", SUBSETS).routes()).hasSize(3);
        assertThat(read("non-bmp.yaml", SUBSETS).routes().get(1).weights())
                .containsExactly(Map.entry("primary", OptionalInt.of(100)), Map.entry("burst", OptionalInt.empty()));
    }

    @Test
    void anExplicitIntTagIsStillAnInteger() throws Exception {
        String text = fixture("reference-worker.yaml").replace("weight: 100", "weight: !!int 100");

        WeightedRoutes weights = VirtualServiceWeights.read(text, "f.yaml", NAME, SUBSETS);

        assertThat(weights.allRoutesHave(NATURAL)).isTrue();
    }

    private static WeightedRoutes read(String fixture, Set<String> subsets) throws Exception {
        return VirtualServiceWeights.read(fixture(fixture), fixture, NAME, subsets);
    }
}
