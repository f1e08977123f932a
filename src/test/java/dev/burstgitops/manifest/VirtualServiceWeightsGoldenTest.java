package dev.burstgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files: {@code manifest/weights/<case>.yaml} edited to a mode must equal
 * {@code <case>.<mode>.expected.yaml} byte for byte, and differ from the input only in
 * lines that carry a weight.
 */
class VirtualServiceWeightsGoldenTest {

    static final String NAME = "worker-virtual-service";
    static final Map<String, Integer> NATURAL = Map.of("primary", 100, "burst", 0);
    static final Map<String, Integer> BURST = Map.of("primary", 0, "burst", 100);

    @ParameterizedTest
    @ValueSource(strings = {"reference-worker", "commented", "missing-weight", "flow", "crlf", "non-bmp"})
    void editingToBurstGivesTheExpectedFileAndTouchesOnlyWeightLines(String name) throws Exception {
        String input = fixture(name + ".yaml");
        String expected = fixture(name + ".burst.expected.yaml");

        String output = write(input, name, BURST);

        assertThat(output).isEqualTo(expected);
        assertOnlyWeightLinesDiffer(input, output);
    }

    /** Only cases whose input has every weight written, in natural mode, can come back exactly. */
    @ParameterizedTest
    @ValueSource(strings = {"reference-worker", "commented"})
    void editingBackToNaturalRestoresTheOriginalFile(String name) throws Exception {
        String burst = fixture(name + ".burst.expected.yaml");

        assertThat(write(burst, name, NATURAL)).isEqualTo(fixture(name + ".yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference-worker", "commented", "missing-weight", "flow", "crlf", "non-bmp"})
    void theBurstFileReadsAsBurstAndEditsBackToNaturalTouchingOnlyWeightLines(String name) throws Exception {
        String burst = fixture(name + ".burst.expected.yaml");
        String file = name + ".yaml";
        assertThat(VirtualServiceWeights.read(burst, file, NAME, BURST.keySet()).allRoutesHave(BURST)).isTrue();

        String natural = write(burst, name, NATURAL);

        assertThat(VirtualServiceWeights.read(natural, file, NAME, NATURAL.keySet()).allRoutesHave(NATURAL)).isTrue();
        assertOnlyWeightLinesDiffer(burst, natural);
    }

    @Test
    void theCrlfFixtureReallyHasCrlfLineEndingsSoTheCaseCannotPassByAccident() throws Exception {
        // Guards against a checkout that normalised the fixture's line endings.
        String input = fixture("crlf.yaml");
        assertThat(input).contains("\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(fixture("crlf.burst.expected.yaml")).doesNotContainPattern("[^\r]\n");
    }

    @Test
    void theNonBmpFixtureReallyHasCharactersOutsideTheBasicPlane() throws Exception {
        String input = fixture("non-bmp.yaml");
        assertThat(input.codePointCount(0, input.length())).isLessThan(input.length());
    }

    @Test
    void aByteOrderMarkIsKept() throws Exception {
        String input = "\uFEFF" + fixture("reference-worker.yaml");

        String output = write(input, "bom", BURST);

        assertThat(output).isEqualTo("\uFEFF" + fixture("reference-worker.burst.expected.yaml"));
    }

    @Test
    void theLineDiffHelperNoticesAChangeOutsideAWeight() {
        String before = "a: 1\nweight: 0\n";
        String after = "a: 2\nweight: 100\n";

        assertThat(changedLines(before, after)).containsExactly("- a: 1\n", "+ a: 2\n");
    }

    static String write(String text, String name, Map<String, Integer> weights) throws ManifestException {
        return VirtualServiceWeights.write(text, name + ".yaml", NAME, weights);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = VirtualServiceWeightsGoldenTest.class.getResourceAsStream("/manifest/weights/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void assertOnlyWeightLinesDiffer(String before, String after) {
        assertThat(changedLines(before, after)).as("lines changed other than weights").isEmpty();
    }

    /** A weight written as a key, block ({@code weight: 0}) or flow ({@code , weight: 0}). */
    private static final Pattern WEIGHT = Pattern.compile("(, )?weight: *\\d+");

    /**
     * The removed ("- ") and added ("+ ") lines of a line diff (longest common subsequence,
     * line endings included) that a weight edit does not explain. A weight edit may change
     * a line only in a weight value or by an added {@code , weight: N}, and may add a whole
     * line holding nothing but {@code weight: N}.
     */
    static List<String> changedLines(String before, String after) {
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        lineDiff(lines(before), lines(after), removed, added);
        List<String> unexplained = new ArrayList<>();
        for (String line : removed) {
            int twin = indexOfSameWithoutWeights(added, line);
            if (twin < 0) {
                unexplained.add("- " + line);
            } else {
                // Lines added before the twin must be whole new weight lines.
                added.subList(0, twin).stream()
                        .filter(skipped -> !withoutWeights(skipped).isBlank())
                        .forEach(skipped -> unexplained.add("+ " + skipped));
                added.subList(0, twin + 1).clear();
            }
        }
        added.stream().filter(line -> !withoutWeights(line).isBlank()).forEach(line -> unexplained.add("+ " + line));
        return unexplained;
    }

    private static int indexOfSameWithoutWeights(List<String> lines, String line) {
        for (int i = 0; i < lines.size(); i++) {
            if (withoutWeights(lines.get(i)).equals(withoutWeights(line))) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutWeights(String line) {
        return WEIGHT.matcher(line).replaceAll("");
    }

    private static List<String> lines(String text) {
        return List.of(text.split("(?<=\n)"));
    }

    private static void lineDiff(List<String> a, List<String> b, List<String> removed, List<String> added) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                added.add(b.get(j++));
            } else {
                removed.add(a.get(i++));
            }
        }
    }
}
