package dev.burstgitops.metrics;

/**
 * Where the burst loop reads the request rate it decides on. One instant query per call;
 * "no data" is a normal {@link Sample}, only a failed query is an exception.
 */
public interface MetricsSource {

    Sample query(String promql) throws MetricQueryException;
}
