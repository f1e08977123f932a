package dev.burstgitops.decision;

/**
 * What one poll of the metric saw. "No data" and "the query failed" are kinds of observation
 * of their own rather than a value of 0: treating them as 0 req/s is what sent traffic back to
 * primary during a Prometheus outage in the original watcher.
 */
public sealed interface Observation {

    /** A finite request rate, in requests per second. */
    record Rate(double perSecond) implements Observation {
        public Rate {
            if (!Double.isFinite(perSecond)) {
                throw new IllegalArgumentException("a rate must be finite, not " + perSecond);
            }
        }
    }

    /** The query answered, but with nothing to decide on (empty vector, NaN, infinity). */
    record NoData() implements Observation {
    }

    /** The query itself failed; the message says why and carries no credentials. */
    record QueryFailed(String message) implements Observation {
    }

    static Observation rate(double perSecond) {
        return new Rate(perSecond);
    }

    static Observation noData() {
        return new NoData();
    }

    static Observation failed(String message) {
        return new QueryFailed(message);
    }

    /** How the observation reads in a reason or a commit subject: "20.3 req/s", "no data". */
    default String describe() {
        if (this instanceof Rate rate) {
            return RateText.format(rate.perSecond()) + " req/s";
        }
        return this instanceof NoData ? "no data" : "query failed";
    }
}
