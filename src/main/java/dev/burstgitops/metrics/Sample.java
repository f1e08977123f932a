package dev.burstgitops.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to one instant query: the value of all returned series summed, the time the
 * metrics backend evaluated it, and how many series went into the sum.
 *
 * <p>"No data" (nothing matched, or the value is NaN or infinite) is a sample of its own kind
 * rather than zero: the decision core must be able to tell an idle service from a blind
 * controller, and treating a failed lookup as 0 req/s is exactly what sent traffic back to
 * primary during a Prometheus outage in the original setup.
 *
 * @param value       sum over all series; NaN when nothing matched
 * @param evaluatedAt when the backend evaluated the query (the samples' timestamp)
 * @param seriesCount how many series were summed; 0 for an empty result
 */
public record Sample(double value, Instant evaluatedAt, int seriesCount) {

    public Sample {
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        if (seriesCount < 0) {
            throw new IllegalArgumentException("seriesCount must not be negative: " + seriesCount);
        }
    }

    /** A query that matched no series at all. */
    public static Sample noData(Instant evaluatedAt) {
        return new Sample(Double.NaN, evaluatedAt, 0);
    }

    /**
     * Whether {@code value} can be a request rate: finite and not negative. NaN (a ratio over a
     * counter at rest), an infinity (a division by zero) or a negative value (a delta() across a
     * counter reset), summed with other series, would hide their traffic or end a burst on a number
     * that never happened.
     */
    public static boolean isRate(double value) {
        return Double.isFinite(value) && value >= 0;
    }

    /** True when there is a finite value to compare with a threshold. */
    public boolean hasData() {
        return seriesCount > 0 && Double.isFinite(value);
    }
}
