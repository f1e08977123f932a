package dev.burstgitops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {

    private static final String RUSH = """
            phases:
              - { rate: 5, for: 10s }
              - { rampTo: 25, over: 10s }
              - { hold: 20s }
            policy: { exitFor: 5s }
            """;

    @Test
    void aRampStartsWhereThePreviousPhaseEndedAndTheLastRateHoldsAfterThePhases() {
        DemoScenario scenario = DemoScenarioReader.parse(RUSH, "rush.yaml");

        assertThat(scenario.rateAt(Duration.ofSeconds(3))).isEqualTo(5);
        assertThat(scenario.rateAt(Duration.ofSeconds(15))).isCloseTo(15, within(0.001));
        assertThat(scenario.rateAt(Duration.ofSeconds(30))).isEqualTo(25);
        assertThat(scenario.rateAt(Duration.ofMinutes(10))).isEqualTo(25);
        assertThat(scenario.length()).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void policyTimingsLeftOutTakeTheDemoDefaults() {
        PolicyTimings timings = DemoScenarioReader.parse(RUSH, "rush.yaml").timings();

        assertThat(timings.exitFor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timings.enterFor()).isEqualTo(PolicyTimings.demoDefaults().enterFor());
        assertThat(timings.cooldown()).isEqualTo(PolicyTimings.demoDefaults().cooldown());
    }

    @Test
    void aMisspeltKeyIsAnErrorNamingItsPath() {
        assertThatThrownBy(() -> DemoScenarioReader.parse("phases:\n  - { rate: 5, for: 10s }\n  - { rampto: 20 }\n",
                "typo.yaml"))
                .hasMessage("typo.yaml: phases[1]: expected {rate, for}, {rampTo, over} or {hold}");
        assertThatThrownBy(() -> DemoScenarioReader.parse("phases:\n  - { rate: 5, for: 10s, over: 3s }\n",
                "typo.yaml"))
                .hasMessageStartingWith("typo.yaml: phases[0].over: unknown key");
        assertThatThrownBy(() -> DemoScenarioReader.parse("phases:\n  - { rate: 5, for: soon }\n", "bad.yaml"))
                .hasMessageStartingWith("bad.yaml: phases[0].for: 'soon' is not a duration");
    }

    @Test
    void theDefaultScenarioRisesPastTheEnterThresholdAndFallsBelowTheExitThresholdWithinThreeMinutes() {
        DemoScenario scenario = DemoScenarioReader.readDefault();

        assertThat(scenario.length()).isLessThanOrEqualTo(DemoOptions.DEFAULT_DURATION);
        assertThat(scenario.rateAt(Duration.ofSeconds(60))).isGreaterThan(DemoConfigFile.ENTER_ABOVE);
        assertThat(scenario.rateAt(Duration.ofSeconds(150))).isLessThan(DemoConfigFile.EXIT_BELOW);
    }
}
