package dev.burstgitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.decision.MissingDataPolicy;
import dev.burstgitops.decision.SpilloverRule;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpilloverConfigTest {

    private static final String SPILLOVER = """
            git:
              url: file:///srv/fleet.git
            prometheus:
              url: http://127.0.0.1:9090
            policies:
              - name: worker
                query: sum(rate(x[15s]))
                spillover:
                  capacity: 15
                  step: 10
                  maxBurst: 100
                exitFor: 30s
                virtualService:
                  file: apps/istio/worker-virtualservice.yaml
                  name: worker-virtual-service
            """;

    @TempDir
    Path dir;

    private BurstGitopsConfig parse(String text) throws ConfigException {
        return ConfigLoader.parse(text, "burst-gitops.yaml", dir);
    }

    @Test
    void aSpilloverPolicyHasTheProportionalRuleAndNoBand() throws Exception {
        PolicyConfig policy = parse(SPILLOVER).policies().get(0);

        assertThat(policy.spills()).isTrue();
        assertThat(policy.rule()).isNull();
        assertThat(policy.spillover()).contains(new SpilloverRule(15, 10, 100, Duration.ZERO, Duration.ofSeconds(30),
                Duration.ZERO, MissingDataPolicy.HOLD));
    }

    @Test
    void stepAndMaxBurstDefaultToTenAndOneHundred() throws Exception {
        PolicyConfig policy = parse(SPILLOVER.replace("      step: 10\n", "").replace("      maxBurst: 100\n", ""))
                .policies().get(0);

        assertThat(policy.spillover().orElseThrow().step()).isEqualTo(10);
        assertThat(policy.spillover().orElseThrow().maxBurst()).isEqualTo(100);
    }

    @Test
    void aBandPolicyHasNoSpillover() throws Exception {
        PolicyConfig policy = parse(SPILLOVER.replace("""
                    spillover:
                      capacity: 15
                      step: 10
                      maxBurst: 100
                """, "    enterAbove: 15\n    exitBelow: 10\n")).policies().get(0);

        assertThat(policy.spills()).isFalse();
        assertThat(policy.rule().enterAbove()).isEqualTo(15);
    }

    @Test
    void spilloverTogetherWithEnterAboveAndExitBelowIsAnErrorNamingEachKey() {
        String text = SPILLOVER.replace("    exitFor: 30s\n", "    exitFor: 30s\n    enterAbove: 15\n    exitBelow: 10\n");

        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "burst-gitops.yaml:13: policies[0].enterAbove: cannot be given together with spillover (a policy"
                                + " either switches modes at enterAbove/exitBelow or spills a share over)",
                        "burst-gitops.yaml:14: policies[0].exitBelow: cannot be given together with spillover (a policy"
                                + " either switches modes at enterAbove/exitBelow or spills a share over)"));
    }

    @Test
    void badValuesAreReportedAtOnceWithTheirKeyPathsAndLines() {
        String text = SPILLOVER.replace("capacity: 15", "capacity: 0").replace("step: 10", "step: 30");

        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "burst-gitops.yaml:9: policies[0].spillover.capacity: must be above 0 req/s",
                        "burst-gitops.yaml:10: policies[0].spillover.step: must divide 100 (1, 2, 4, 5, 10, 20, 25, 50"
                                + " or 100), not 30"));
    }

    @Test
    void maxBurstMustBeAStepMultipleWithinZeroToOneHundred() {
        assertThatThrownBy(() -> parse(SPILLOVER.replace("maxBurst: 100", "maxBurst: 45")))
                .isInstanceOf(ConfigException.class).hasMessage("burst-gitops.yaml:11: policies[0].spillover.maxBurst:"
                        + " must be 0 to 100 and a multiple of step (10), not 45");
        assertThatThrownBy(() -> parse(SPILLOVER.replace("maxBurst: 100", "maxBurst: 110")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("spillover.maxBurst: must be 0 to 100");
    }

    @Test
    void aMissingCapacityOrAnUnknownSpilloverKeyIsReported() {
        assertThatThrownBy(() -> parse(SPILLOVER.replace("      capacity: 15\n", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("policies[0].spillover.capacity: is required");
        assertThatThrownBy(() -> parse(SPILLOVER.replace("step: 10", "stepp: 10")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("policies[0].spillover.stepp: unknown key");
    }
}
