package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class FieldDiffTest {

    @Test
    void fieldsOnlyTheServerAddsAreNotDifferences() {
        assertThat(diff("{spec: {replicas: 1}}",
                "{metadata: {uid: x}, spec: {replicas: 1, strategy: {type: RollingUpdate}}, status: {replicas: 1}}")).isEmpty();
    }

    @Test
    void aNumberEqualsItsTextAndAnIntegerItsDecimal() {
        assertThat(diff("{port: 80, target: '8080', ratio: 1, flag: 'true'}", "{port: '80', target: 8080, ratio: 1.0, flag: true}"))
                .isEmpty();
        assertThat(diff("{port: 80}", "{port: '8080'}")).containsExactly("port");
    }

    @Test
    void listsAreComparedElementByElementInOrderAndMustHaveTheSameLength() {
        assertThat(diff("{hosts: [a, b]}", "{hosts: [b, a]}")).containsExactly("hosts[0]", "hosts[1]");
        assertThat(diff("{hosts: [a]}", "{hosts: [a, b]}")).containsExactly("hosts");
        assertThat(diff("{ports: [{port: 80}]}", "{ports: [{port: 80, protocol: TCP}]}")).isEmpty();
    }

    @Test
    void namesTheNestedPathOfEveryDifference() {
        assertThat(diff("{spec: {http: [{route: [{weight: 0}, {weight: 100}]}]}}",
                "{spec: {http: [{route: [{weight: 100}, {weight: 0}]}]}}"))
                .containsExactly("spec.http[0].route[0].weight", "spec.http[0].route[1].weight");
        assertThat(diff("{metadata: {labels: {a: b}}}", "{metadata: {}}")).containsExactly("metadata.labels");
    }

    @Test
    void anExplicitNullAsksForTheFieldToBeAbsent() {
        assertThat(diff("{spec: {paused: null}}", "{spec: {}}")).isEmpty();
        assertThat(diff("{spec: {paused: null}}", "{spec: {paused: true}}")).containsExactly("spec.paused");
    }

    private static java.util.List<String> diff(String desired, String live) {
        Map<String, Object> desiredMap = new Yaml().load(desired);
        Map<String, Object> liveMap = new Yaml().load(live);
        return FieldDiff.changedFields(desiredMap, liveMap);
    }
}
