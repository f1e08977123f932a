package dev.burstgitops.metrics;

import java.util.Objects;

/**
 * An instant query that produced no answer at all, as opposed to an answer of "no data".
 * The message names the endpoint (never the query string or a credential) and the cause, so
 * a single log line tells an operator what to look at.
 */
public class MetricQueryException extends Exception {

    /** Why the query failed; the loop may react differently to an outage and to a bad query. */
    public enum Kind {
        /** Nothing answered: connection refused, unknown host, connection reset. */
        CONNECTION,
        /** The backend did not answer within the configured timeout. */
        TIMEOUT,
        /** An HTTP error status without a Prometheus error body (auth, proxy, gateway). */
        HTTP_STATUS,
        /** Prometheus answered {@code status: error}, e.g. for invalid PromQL. */
        API_ERROR,
        /** The answer was not the JSON shape of an instant query. */
        MALFORMED,
        /** A series was NaN, infinite or negative: no rate can be read from the answer. */
        UNUSABLE_VALUE,
        /** The credential for Prometheus, read at each query, could not be read: nothing was sent. */
        CREDENTIALS
    }

    private final Kind kind;
    private final String endpoint;

    public MetricQueryException(Kind kind, String endpoint, String detail) {
        this(kind, endpoint, detail, null);
    }

    public MetricQueryException(Kind kind, String endpoint, String detail, Throwable cause) {
        super("Prometheus query failed at " + endpoint + ": " + detail, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    public Kind kind() {
        return kind;
    }

    /** The URL that was asked, without query string or user-info. */
    public String endpoint() {
        return endpoint;
    }
}
