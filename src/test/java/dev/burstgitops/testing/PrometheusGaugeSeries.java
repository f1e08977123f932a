package dev.burstgitops.testing;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A gauge with a value at chosen times: a request rate's history, written into Prometheus before
 * it starts, so that a replay over the past ({@code simulate}, a restored streak) meets exactly
 * these values.
 *
 * @param name   the sample name as queried
 * @param labels label names to values
 * @param points the value at each time, in order
 */
public record PrometheusGaugeSeries(String name, Map<String, String> labels, NavigableMap<Instant, Double> points) {

    public PrometheusGaugeSeries {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        points = new TreeMap<>(points);
    }
}
