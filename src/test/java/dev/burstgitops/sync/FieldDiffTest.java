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
    void aFalseBooleanTheServerLeavesOutIsNoDifferenceButTrueIs() {
        assertThat(diff("{globalDefault: false, value: 1000000}", "{value: 1000000}")).isEmpty();
        assertThat(diff("{globalDefault: true, value: 1000000}", "{value: 1000000}")).containsExactly("globalDefault");
        assertThat(diff("{spec: {replicas: 0}}", "{spec: {}}")).containsExactly("spec.replicas");
    }

    @Test
    void serverOwnedMetadataInAManifestAsksForNothing() {
        assertThat(diff("{metadata: {name: a, creationTimestamp: null}, status: {}}",
                "{metadata: {name: a, creationTimestamp: '2026-11-22T05:00:00Z'}}")).isEmpty();
    }

    @Test
    void aResourceQuantityEqualsTheServersCanonicalForm() {
        String desired = "{spec: {containers: [{resources: {requests: {cpu: '0.5', memory: 1024Mi}, "
                + "limits: {cpu: 1}}}]}}";
        String live = "{spec: {containers: [{resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {cpu: '1'}}}]}}";

        assertThat(diff(desired, live)).isEmpty();
        assertThat(diff(desired, live.replace("500m", "250m")))
                .containsExactly("spec.containers[0].resources.requests.cpu");
        // Outside resource fields the same text is not read as a quantity.
        assertThat(diff("{metadata: {annotations: {size: 1Gi}}}", "{metadata: {annotations: {size: 1024Mi}}}"))
                .containsExactly("metadata.annotations.size");
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
