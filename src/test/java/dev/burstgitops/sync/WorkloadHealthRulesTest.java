package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ObjectKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

class WorkloadHealthRulesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Deployment  | {metadata: {generation: 2}, spec: {replicas: 3}, status: {observedGeneration: 1, updatedReplicas: 3, availableReplicas: 3}} | PROGRESSING
            Deployment  | {metadata: {generation: 2}, spec: {replicas: 3}, status: {observedGeneration: 2, updatedReplicas: 1, availableReplicas: 3}} | PROGRESSING
            Deployment  | {metadata: {generation: 2}, spec: {replicas: 3}, status: {observedGeneration: 2, replicas: 4, updatedReplicas: 3, availableReplicas: 3}} | PROGRESSING
            Deployment  | {metadata: {generation: 2}, spec: {replicas: 3}, status: {observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3}} | HEALTHY
            Deployment  | {metadata: {generation: 1}, status: {observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1}} | HEALTHY
            Deployment  | {metadata: {generation: 1}, status: {observedGeneration: 1, conditions: [{type: ReplicaFailure, status: 'True', message: quota}]}} | DEGRADED
            StatefulSet | {metadata: {generation: 1}, spec: {replicas: 2}, status: {observedGeneration: 1, updatedReplicas: 2, readyReplicas: 1}} | PROGRESSING
            StatefulSet | {metadata: {generation: 1}, spec: {replicas: 2}, status: {observedGeneration: 1, updatedReplicas: 2, readyReplicas: 2}} | HEALTHY
            DaemonSet   | {metadata: {generation: 3}, status: {observedGeneration: 3, desiredNumberScheduled: 5, updatedNumberScheduled: 4, numberAvailable: 5}} | PROGRESSING
            DaemonSet   | {metadata: {generation: 3}, status: {observedGeneration: 3, desiredNumberScheduled: 5, updatedNumberScheduled: 5, numberAvailable: 5}} | HEALTHY
            """)
    void readsRolloutProgressFromTheStatus(String kind, String live, HealthStatus expected) {
        ObjectKey key = new ObjectKey("apps", kind, "default", "w");

        assertThat(WorkloadHealthRules.assess(key, new Yaml().load(live))).get()
                .extracting(WorkloadHealth::status).isEqualTo(expected);
    }

    @Test
    void kindsThatAreNotWorkloadsHaveNoHealth() {
        assertThat(WorkloadHealthRules.assess(new ObjectKey("", "Service", "default", "s"), Map.of())).isEmpty();
        assertThat(WorkloadHealthRules.assess(new ObjectKey("example.com", "Deployment", "default", "d"), Map.of())).isEmpty();
    }
}
