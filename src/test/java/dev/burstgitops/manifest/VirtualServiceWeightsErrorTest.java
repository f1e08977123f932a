package dev.burstgitops.manifest;

import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.BURST;
import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.NAME;
import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VirtualServiceWeightsErrorTest {

    private static final String FILE = "apps/istio/worker-virtualservice.yaml";
    private static final Set<String> SUBSETS = Set.of("primary", "burst");

    @Test
    void aMissingVirtualServiceListsTheOnesTheFileHas() throws Exception {
        assertThatThrownBy(() -> VirtualServiceWeights.read(fixture("commented.yaml"), FILE, "worker-vs", SUBSETS))
                .isInstanceOf(ManifestException.class)
                .hasMessage(FILE + ": no VirtualService named 'worker-vs'; the file has"
                        + " 'worker-canary' (line 5), 'worker-virtual-service' (line 18)");
    }

    @Test
    void aFileWithoutAnyVirtualServiceSaysSo() {
        String destinationRuleOnly = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: x}\n";

        assertThatThrownBy(() -> VirtualServiceWeights.read(destinationRuleOnly, FILE, NAME, SUBSETS))
                .hasMessage(FILE + ": no VirtualService named '" + NAME + "'; the file has no VirtualService"
                        + " (networking.istio.io/*)");
    }

    @Test
    void aVirtualServiceOfAnotherApiGroupIsNotTheIstioOne() throws Exception {
        String text = fixture("reference-worker.yaml").replace("networking.istio.io/v1\nkind: Virtual",
                "example.com/v1\nkind: Virtual");

        assertThatThrownBy(() -> VirtualServiceWeights.read(text, FILE, NAME, SUBSETS))
                .hasMessageContaining("no VirtualService named");
    }

    @Test
    void aSubsetNoRouteSendsToIsNamedWithTheVirtualServiceLine() {
        assertThatThrownBy(() -> VirtualServiceWeights.write(fixture("commented.yaml"), FILE, NAME,
                Map.of("primary", 0, "cloud", 100)))
                .isInstanceOf(ManifestException.class)
                .hasMessage(FILE + ":18: VirtualService '" + NAME + "' has no HTTP route destination with subset"
                        + " 'cloud' (subsets it routes to: primary, burst)")
                .extracting(e -> ((ManifestException) e).location())
                .isEqualTo(new SourceLocation(FILE, 18));
    }

    @Test
    void aYamlSyntaxErrorGivesTheLineOfTheProblem() throws Exception {
        String broken = fixture("reference-worker.yaml").replace("      weight: 0\n", "      weight: [0\n");

        assertThatThrownBy(() -> VirtualServiceWeights.read(broken, FILE, NAME, SUBSETS))
                .isInstanceOf(ManifestException.class)
                .hasMessage(FILE + ":24: not valid YAML: expected ',' or ']', but got <document start>"
                        + " (while parsing a flow sequence begun at line 23)");
    }

    @Test
    void aSyntaxErrorInAnotherDocumentOfTheFileStillStopsTheEdit() throws Exception {
        // Rewriting a file that no parser can read would commit a broken file.
        String broken = fixture("reference-worker.yaml").replace("simple: RANDOM", "simple: RANDOM: x");

        assertThatThrownBy(() -> VirtualServiceWeights.write(broken, FILE, NAME, BURST))
                .hasMessageStartingWith(FILE + ":33: not valid YAML");
    }

    @Test
    void aWeightThatIsNotANumberIsRejectedAtItsLine() throws Exception {
        String text = fixture("reference-worker.yaml").replace("weight: 0", "weight: none");

        assertThatThrownBy(() -> VirtualServiceWeights.read(text, FILE, NAME, SUBSETS))
                .hasMessage(FILE + ":23: weight must be a plain decimal integer, found 'none'");
    }

    @Test
    void aQuotedWeightIsRejectedRatherThanSilentlyTurnedIntoANumber() throws Exception {
        String text = fixture("reference-worker.yaml").replace("weight: 100", "weight: '100'");

        assertThatThrownBy(() -> VirtualServiceWeights.write(text, FILE, NAME, BURST))
                .hasMessage(FILE + ":17: weight '100' is quoted, so Kubernetes reads it as a string;"
                        + " write it as a plain integer");
    }

    @Test
    void aWeightWithALeadingZeroIsRejectedBecauseYamlOneOneReadsItAsOctal() throws Exception {
        String text = fixture("reference-worker.yaml").replace("weight: 0\n", "weight: 010\n");

        assertThatThrownBy(() -> VirtualServiceWeights.read(text, FILE, NAME, SUBSETS))
                .hasMessageContaining(":23: weight must be a plain decimal integer, found '010'");
    }

    @Test
    void aWeightSharedThroughAnAnchorIsRejectedSinceChangingOneWouldChangeBoth() throws Exception {
        String text = fixture("reference-worker.yaml")
                .replace("weight: 100", "weight: &split 100").replace("weight: 0", "weight: *split");

        assertThatThrownBy(() -> VirtualServiceWeights.write(text, FILE, NAME, BURST))
                .hasMessageContaining(":17: weight uses the YAML anchor/alias 'split'");
    }

    @Test
    void aWeightThatIsAMappingIsRejected() throws Exception {
        String text = fixture("reference-worker.yaml").replace("weight: 0", "weight: {value: 0}");

        assertThatThrownBy(() -> VirtualServiceWeights.read(text, FILE, NAME, SUBSETS))
                .hasMessage(FILE + ":23: weight must be an integer, found a mapping");
    }

    @Test
    void theSameSubsetTwiceInOneRouteCannotBeReadAsAMode() throws Exception {
        String text = fixture("reference-worker.yaml").replace("subset: burst", "subset: primary");

        assertThatThrownBy(() -> VirtualServiceWeights.read(text, FILE, NAME, Set.of("primary")))
                .hasMessage(FILE + ":18: spec.http[0].route[1] routes to subset 'primary' a second time in the"
                        + " same HTTP route");
    }

    @Test
    void aRouteListThatIsNotAListIsNamedByItsPath() throws Exception {
        String text = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: " + NAME + "}\n"
                + "spec:\n  http:\n  - route: {destination: {subset: primary}}\n";

        assertThatThrownBy(() -> VirtualServiceWeights.read(text, FILE, NAME, SUBSETS))
                .hasMessage(FILE + ":6: spec.http[0].route must be a list");
    }

    @Test
    void twoVirtualServicesOfTheSameNameAreAmbiguous() throws Exception {
        String vs = fixture("reference-worker.yaml").split("---\n")[0];

        assertThatThrownBy(() -> VirtualServiceWeights.read(vs + "---\n" + vs, FILE, NAME, SUBSETS))
                .hasMessage(FILE + ":25: a second VirtualService named '" + NAME + "' (the first is at line 1)");
    }

    @Test
    void negativeOrMissingDesiredWeightsAreAProgrammingError() {
        assertThatThrownBy(() -> VirtualServiceWeights.write("", FILE, NAME, Map.of("burst", -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'burst'");
        assertThatThrownBy(() -> VirtualServiceWeights.write("", FILE, NAME, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsCarryTheirLocationForTools() {
        assertThat(new ManifestException(new SourceLocation(FILE, 3), "x").location().line()).isEqualTo(3);
    }
}
