package dev.burstgitops.metrics;

import java.util.Objects;

/**
 * What a Prometheus instant-query body says, before it is tied to an endpoint: an answer, an
 * error Prometheus reports itself, or something that is not an instant-query answer at all.
 * Kept as values so the parser can be tested from canned bodies without any HTTP.
 */
sealed interface PrometheusResponse {

    record Answered(Sample sample) implements PrometheusResponse {
        public Answered {
            Objects.requireNonNull(sample, "sample");
        }
    }

    /** {@code "status": "error"}, e.g. {@code bad_data} for invalid PromQL. */
    record ApiError(String errorType, String error) implements PrometheusResponse {
        String describe() {
            return errorType + ": " + error;
        }
    }

    /**
     * An answer no rate can be read from: a series that is NaN, infinite or negative (a
     * {@code delta()} across a counter reset). Summed with the others it would hide their traffic
     * or end a burst on a number that never happened, so the whole observation fails.
     */
    record Unusable(String reason) implements PrometheusResponse {
    }

    /** @param cause the parser's exception when the body was not JSON; null for a wrong shape */
    record Malformed(String reason, Exception cause) implements PrometheusResponse {
    }
}
