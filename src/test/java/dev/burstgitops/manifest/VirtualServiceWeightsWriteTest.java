package dev.burstgitops.manifest;

import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.BURST;
import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.NAME;
import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.NATURAL;
import static dev.burstgitops.manifest.VirtualServiceWeightsGoldenTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualServiceWeightsWriteTest {

    private static final String FILE = "apps/istio/worker-virtualservice.yaml";

    @Test
    void writingTheWeightsAlreadyThereReturnsTheVerySameString() throws Exception {
        String text = fixture("reference-worker.yaml");

        assertThat(VirtualServiceWeights.write(text, FILE, NAME, NATURAL)).isSameAs(text);
    }

    @Test
    void everyOtherDocumentOfTheFileStaysByteIdentical() throws Exception {
        String text = fixture("commented.yaml");

        String edited = VirtualServiceWeights.write(text, FILE, NAME, BURST);

        String[] before = text.split("\n---");
        String[] after = edited.split("\n---");
        assertThat(after).hasSameSizeAs(before);
        assertThat(after[0]).as("the other VirtualService").isEqualTo(before[0]);
        assertThat(after[1]).isNotEqualTo(before[1]);
        assertThat(after[2]).as("the DestinationRule").isEqualTo(before[2]);
    }

    @Test
    void onlyTheSubsetsNamedAreChanged() throws Exception {
        String text = fixture("reference-worker.yaml");

        String edited = VirtualServiceWeights.write(text, FILE, NAME, Map.of("burst", 100));

        assertThat(edited).isEqualTo(text.replace("      weight: 0\n", "      weight: 100\n"));
    }

    @Test
    void anExplicitIntTagStaysInFrontOfTheNewValue() throws Exception {
        String text = fixture("reference-worker.yaml").replace("weight: 100", "weight: !!int 100");

        String edited = VirtualServiceWeights.write(text, FILE, NAME, BURST);

        assertThat(edited).contains("weight: !!int 0\n").contains("weight: 100\n");
    }

    @Test
    void aMissingWeightAtTheVeryEndOfAFileWithoutFinalNewlineGoesOnANewLine() throws Exception {
        String text = fixture("crlf.yaml");
        String withoutFinalNewline = text.substring(0, text.length() - 2);

        String edited = VirtualServiceWeights.write(withoutFinalNewline, FILE, NAME, BURST);

        assertThat(edited).endsWith("subset: burst\r\n      weight: 100");
    }

    @Test
    void aMissingWeightAfterABlockScalarGoesRightBelowIt() throws Exception {
        String text = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: worker-virtual-service}
                spec:
                  http:
                  - route:
                    - destination:
                        subset: burst
                        host: |
                          worker-service
                    # next route
                    - destination: {subset: primary}
                      weight: 100
                """;

        String edited = VirtualServiceWeights.write(text, FILE, NAME, BURST);

        assertThat(edited).contains("""
                          worker-service
                      weight: 100
                    # next route
                    - destination: {subset: primary}
                      weight: 0
                """);
    }

    @Test
    void aDestinationKeyNotFirstInItsRouteItemSetsTheIndentationOfTheNewWeight() throws Exception {
        String text = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: worker-virtual-service}
                spec:
                  http:
                  - route:
                    -   headers: {request: {set: {x: y}}}
                        destination:
                            subset: burst
                    -   {destination: {subset: primary}}
                """;

        String edited = VirtualServiceWeights.write(text, FILE, NAME, BURST);

        assertThat(edited).isEqualTo(text
                .replace("subset: burst\n", "subset: burst\n        weight: 100\n")
                .replace("{subset: primary}}", "{subset: primary}, weight: 0}"));
    }

    @Test
    void theFileIsRewrittenOnlyWhenItsWeightsChange(@TempDir Path repository) throws Exception {
        Path file = repository.resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, fixture("non-bmp.yaml"), StandardCharsets.UTF_8);

        assertThat(VirtualServiceWeights.writeFile(repository, FILE, NAME, BURST)).isTrue();
        assertThat(Files.readString(file)).isEqualTo(fixture("non-bmp.burst.expected.yaml"));
        assertThat(VirtualServiceWeights.writeFile(repository, FILE, NAME, BURST)).isFalse();
        assertThat(VirtualServiceWeights.readFile(repository, FILE, NAME, Set.of("primary", "burst"))
                .allRoutesHave(BURST)).isTrue();
    }

    @Test
    void aFileOutsideTheRepositoryOrMissingIsAManifestError(@TempDir Path repository) {
        assertThatThrownBy(() -> VirtualServiceWeights.readFile(repository, "../x.yaml", NAME, Set.of("burst")))
                .isInstanceOf(ManifestException.class)
                .hasMessage("../x.yaml: the path leaves the repository");
        assertThatThrownBy(() -> VirtualServiceWeights.writeFile(repository, FILE, NAME, BURST))
                .isInstanceOf(ManifestException.class)
                .hasMessage(FILE + ": no such file in the repository");
    }

    @Test
    void aFileThatIsNotUtf8IsAManifestError(@TempDir Path repository) throws Exception {
        Files.write(repository.resolve("latin1.yaml"), new byte[] {'#', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> VirtualServiceWeights.readFile(repository, "latin1.yaml", NAME, Set.of("burst")))
                .isInstanceOf(ManifestException.class)
                .hasMessage("latin1.yaml: not UTF-8 text");
    }
}
