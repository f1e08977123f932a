package dev.burstgitops.demo;

import dev.burstgitops.decision.DurationText;
import dev.burstgitops.decision.RateText;
import java.time.Duration;

/**
 * One stretch of a demo scenario's request rate. A phase knows only its own shape; where it
 * starts is the rate the previous phase ended at, so a ramp needs no "from".
 */
public sealed interface ScenarioPhase {

    Duration length();

    /** The rate {@code into} this phase, given the rate it started at. */
    double rateAt(double startRate, Duration into);

    /** How the phase reads in the demo's introduction: {@code ramp to 20 req/s over 10s}. */
    String describe();

    /** A steady rate: {@code {rate: 5, for: 30s}}. */
    record Steady(double rate, Duration length) implements ScenarioPhase {
        @Override
        public double rateAt(double startRate, Duration into) {
            return rate;
        }

        @Override
        public String describe() {
            return RateText.format(rate) + " req/s for " + DurationText.format(length);
        }
    }

    /** Keep whatever rate the previous phase ended at: {@code {hold: 60s}}. */
    record Hold(Duration length) implements ScenarioPhase {
        @Override
        public double rateAt(double startRate, Duration into) {
            return startRate;
        }

        @Override
        public String describe() {
            return "hold " + DurationText.format(length);
        }
    }

    /** A straight line to {@code target}: {@code {rampTo: 20, over: 10s}}. */
    record Ramp(double target, Duration length) implements ScenarioPhase {
        @Override
        public double rateAt(double startRate, Duration into) {
            if (length.isZero()) {
                return target;
            }
            double fraction = Math.min(1.0, (double) into.toMillis() / length.toMillis());
            return startRate + (target - startRate) * fraction;
        }

        @Override
        public String describe() {
            return "ramp to " + RateText.format(target) + " req/s over " + DurationText.format(length);
        }
    }
}
