package dev.burstgitops.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A policy's metric over a stretch of the past, for replaying decisions ({@code simulate}) and
 * for restoring a streak after a restart. One range query per call; a caller that wants a long
 * range asks for it in chunks, so memory stays bounded by the chunk.
 */
public interface MetricsHistory {

    /** Evaluations at {@code from}, {@code from + step}, … up to {@code to}: one sample each, no data where nothing matched. */
    List<Sample> range(String promql, Instant from, Instant to, Duration step) throws MetricQueryException;
}
