package dev.burstgitops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.decision.Mode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoMeasurementsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

    private final DemoMeasurements measurements = new DemoMeasurements(15, 10);

    @Test
    void measuresFromTheFirstCrossingInPrometheusToTheCommitAndOnToTheWeightsInPrimary() {
        assertThat(measurements.prometheusValue(14.9, at(0))).isEmpty();
        assertThat(measurements.prometheusValue(15.2, at(1000))).get()
                .extracting(DemoMeasurements.Crossing::upward).isEqualTo(true);
        assertThat(measurements.prometheusValue(16.0, at(1250))).as("only the first crossing counts").isEmpty();

        assertThat(measurements.commitPushed("a543f90", Mode.BURST, RouteWeights.BURST, at(1800)))
                .contains(Duration.ofMillis(800));
        assertThat(measurements.weightsSeen(RouteWeights.BURST, at(2100))).get()
                .extracting(DemoMeasurements.Applied::commit).isEqualTo("a543f90");

        assertThat(measurements.crossingToBurstCommit().samples()).containsExactly(Duration.ofMillis(800));
        assertThat(measurements.commitToApplied().samples()).containsExactly(Duration.ofMillis(300));
    }

    @Test
    void afterABurstCommitOnlyAFallBelowTheExitThresholdIsACrossing() {
        measurements.commitPushed("a543f90", Mode.BURST, RouteWeights.BURST, at(0));

        assertThat(measurements.prometheusValue(20, at(1000))).isEmpty();
        assertThat(measurements.prometheusValue(9.5, at(2000))).get()
                .extracting(DemoMeasurements.Crossing::upward).isEqualTo(false);
        measurements.commitPushed("c23596d", Mode.NATURAL, RouteWeights.NATURAL, at(7500));

        assertThat(measurements.fallToNaturalCommit().samples()).containsExactly(Duration.ofMillis(5500));
        assertThat(measurements.crossingToBurstCommit().samples()).isEmpty();
    }

    @Test
    void weightsNoCommitAskedForAreNotCountedAsApplied() {
        measurements.commitPushed("a543f90", Mode.BURST, RouteWeights.BURST, at(0));

        assertThat(measurements.weightsSeen(new RouteWeights(50, 50), at(100))).isEmpty();
        assertThat(measurements.weightsSeen(RouteWeights.BURST, at(400))).isPresent();
        assertThat(measurements.commitToApplied().samples()).containsExactly(Duration.ofMillis(400));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        LatencyFigures figures = new LatencyFigures(java.util.List.of(Duration.ofMillis(400), Duration.ofMillis(100),
                Duration.ofMillis(300), Duration.ofMillis(200)));

        assertThat(figures.median()).contains(Duration.ofMillis(250));
        assertThat(figures.worst()).contains(Duration.ofMillis(400));
        assertThat(figures.describe()).isEqualTo("median 250 ms, worst 400 ms (n=4)");
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }
}
