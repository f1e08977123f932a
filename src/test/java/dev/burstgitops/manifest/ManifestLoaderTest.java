package dev.burstgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {

    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void locatesEachDocumentAtTheLineWhereItsContentStartsAndSkipsEmptyDocuments() {
        RenderResult result = loader.load(RenderFixtures.repo("plain"), "clusters/primary/apps/worker.yaml");

        assertThat(result.problems()).isEmpty();
        assertThat(result.objects()).extracting(object -> object.source().toString())
                .containsExactly("clusters/primary/apps/worker.yaml:2", "clusters/primary/apps/worker.yaml:30");
        assertThat(result.objects()).extracting(ManifestObject::kind).containsExactly("Deployment", "Service");
    }

    @Test
    void reportsBrokenYamlAtTheLineOfTheErrorAndKeepsTheDocumentsBeforeIt() {
        RenderResult result = loader.load(RenderFixtures.repo("broken"), "clusters/primary/b-broken.yaml");

        assertThat(result.objects()).extracting(ManifestObject::name).containsExactly("fine-before-the-error");
        assertThat(result.problems()).singleElement().asString()
                .isEqualTo("clusters/primary/b-broken.yaml:12: invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence started at line 11)");
    }

    @Test
    void reportsDocumentsThatAreNotObjectsAtTheirOwnLines() {
        RenderResult result = loader.load(RenderFixtures.repo("broken"), "clusters/primary/c-shapes.yaml");

        assertThat(result.objects()).isEmpty();
        assertThat(result.problems()).extracting(RenderProblem::toString).containsExactly(
                "clusters/primary/c-shapes.yaml:1: document is not a mapping (a Kubernetes object)",
                "clusters/primary/c-shapes.yaml:4: object has no metadata.name",
                "clusters/primary/c-shapes.yaml:9: object has no apiVersion");
    }

    @Test
    void keepsYamlOneOneBooleanWordsAndDatesAsTheStringsKubernetesExpects() {
        Map<String, Object> data = onlyObject("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data: {a: yes, b: on, c: off, d: no, e: 2026-01-01, f: 2026-11-27T06:00:00Z, g: 12:30, h: y}
                """).content();

        assertThat(asMap(data.get("data"))).isEqualTo(Map.of(
                "a", "yes", "b", "on", "c", "off", "d", "no", "e", "2026-01-01",
                "f", "2026-11-27T06:00:00Z", "g", "12:30", "h", "y"));
    }

    @Test
    void readsNumbersAsKubectlDoesWithOctalFileModesAndLargeIntegers() {
        Map<String, Object> spec = spec(onlyObject("""
                apiVersion: v1
                kind: Thing
                metadata: {name: t}
                spec: {mode: 0644, hex: 0x10, plain: 8081, big: 12345678901234567890, ratio: 1.5, on: true, off: null}
                """));

        assertThat(spec).containsEntry("mode", 420).containsEntry("hex", 16).containsEntry("plain", 8081)
                .containsEntry("big", new BigInteger("12345678901234567890")).containsEntry("ratio", 1.5)
                .containsEntry("on", true).containsEntry("off", null);
    }

    @Test
    void keepsLabelAndAnnotationValuesAsWrittenBecauseTheApiServerOnlyAcceptsStrings() {
        ManifestObject object = onlyObject("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                  labels: {version: 0777, enabled: true}
                  annotations: {ratio: 1.50, when: 2026-01-01}
                """);

        assertThat(asMap(object.metadata().get("labels")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("version", "0777", "enabled", "true"));
        assertThat(asMap(object.metadata().get("annotations")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ratio", "1.50", "when", "2026-01-01"));
    }

    @Test
    void turnsNumericKeysIntoStringsAsJsonWould() {
        Map<String, Object> spec = spec(onlyObject("""
                apiVersion: v1
                kind: Thing
                metadata: {name: t}
                spec: {80: http, true: yes}
                """));

        assertThat(spec).containsOnlyKeys("80", "true");
    }

    @Test
    void refusesAKeyGivenTwiceAtItsLine() {
        RenderResult result = loader.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                  name: d
                """, "dup.yaml");

        assertThat(result.problems()).singleElement().asString().startsWith("dup.yaml:5: invalid YAML:");
    }

    @Test
    void resolvesMergeKeysAndAliases() {
        Map<String, Object> spec = spec(onlyObject("""
                apiVersion: v1
                kind: Thing
                metadata: {name: t}
                spec:
                  base: &base {a: 1}
                  derived: {<<: *base, b: 2}
                """));

        assertThat(asMap(spec.get("derived"))).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2));
    }

    @Test
    void refusesToLoadAFileOutsideTheRepository() {
        RenderResult result = loader.load(RenderFixtures.repo("plain"), "../broken/clusters/primary/a-good.yaml");

        assertThat(result.objects()).isEmpty();
        assertThat(result.problems()).singleElement().asString().contains("escapes the repository root");
    }

    private ManifestObject onlyObject(String yaml) {
        RenderResult result = loader.parse(yaml, "test.yaml");
        assertThat(result.problems()).isEmpty();
        List<ManifestObject> objects = result.objects();
        assertThat(objects).hasSize(1);
        return objects.get(0);
    }

    private static Map<String, Object> spec(ManifestObject object) {
        return asMap(object.content().get("spec"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
