package dev.burstgitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BurstReadinessConfigTest {

    private static final String GATED = """
            git:
              url: file:///srv/fleet.git
            prometheus:
              url: http://127.0.0.1:9090
            policies:
              - name: worker
                query: sum(rate(x[1m]))
                enterAbove: 15
                exitBelow: 10
                burstReadiness:
                  cluster: burst
                  workload: Deployment/default/worker-deployment
                  minAvailable: 2
                  fallbackAfter: 45s
                virtualService:
                  file: apps/istio/worker-virtualservice.yaml
                  name: worker-virtual-service
            clusters:
              - name: primary
                path: clusters/primary
                kubeconfig: /etc/burst-gitops/primary.kubeconfig
              - name: burst
                path: clusters/burst
                kubeconfig: /etc/burst-gitops/burst.kubeconfig
            """;

    @TempDir
    Path dir;

    private BurstGitopsConfig parse(String text) throws ConfigException {
        return ConfigLoader.parse(text, "burst-gitops.yaml", dir);
    }

    @Test
    void theGateNamesAClusterAWorkloadAndItsLimits() throws Exception {
        BurstReadinessConfig gate = parse(GATED).policies().get(0).burstReadiness().orElseThrow();

        assertThat(gate).isEqualTo(new BurstReadinessConfig("burst",
                new BurstReadinessConfig.Workload("Deployment", "default", "worker-deployment"), 2,
                Duration.ofSeconds(45)));
    }

    @Test
    void minAvailableDefaultsToOneAndFallbackAfterToThirtySeconds() throws Exception {
        BurstReadinessConfig gate = parse(GATED.replace("      minAvailable: 2\n", "")
                .replace("      fallbackAfter: 45s\n", "")).policies().get(0).burstReadiness().orElseThrow();

        assertThat(gate.minAvailable()).isEqualTo(1);
        assertThat(gate.fallbackAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPolicyWithoutTheSectionHasNoGate() throws Exception {
        String ungated = GATED.replaceAll("(?s)    burstReadiness:.*?fallbackAfter: 45s\n", "");
        assertThat(ungated).doesNotContain("burstReadiness");

        assertThat(parse(ungated).policies().get(0).burstReadiness()).isEmpty();
    }

    @Test
    void aClusterThatIsNotConfiguredIsAProblemOnItsLine() {
        assertThatThrownBy(() -> parse(GATED.replace("cluster: burst", "cluster: east")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("burst-gitops.yaml:11: policies[0].burstReadiness.cluster: 'east' is not a name"
                        + " from clusters[] (burst, primary)");
    }

    @Test
    void aWorkloadThatIsNotADeploymentOrStatefulSetOrNotThreePartsIsRefused() {
        assertThatThrownBy(() -> parse(GATED.replace("Deployment/default/worker-deployment", "DaemonSet/default/w")))
                .hasMessageContaining("policies[0].burstReadiness.workload: must be Kind/namespace/name with Kind"
                        + " Deployment or StatefulSet");
        assertThatThrownBy(() -> parse(GATED.replace("Deployment/default/worker-deployment", "worker-deployment")))
                .hasMessageContaining("not 'worker-deployment'");
    }

    @Test
    void minAvailableBelowOneAndUnknownKeysAreRefusedTogether() {
        assertThatThrownBy(() -> parse(GATED.replace("minAvailable: 2", "minAvailable: 0")
                .replace("      fallbackAfter: 45s\n", "      fallbackAfter: 45s\n      timeout: 3s\n")))
                .hasMessageContaining("burstReadiness.minAvailable: must be at least 1, not 0")
                .hasMessageContaining("burstReadiness.timeout");
    }
}
