package dev.burstgitops.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Measured durations of one kind, with the median and the worst a person wants to see. */
public record LatencyFigures(List<Duration> samples) {

    public LatencyFigures {
        samples = List.copyOf(samples);
    }

    public Optional<Duration> median() {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
    }

    public Optional<Duration> worst() {
        return samples.stream().max(Duration::compareTo);
    }

    /** {@code median 420 ms, worst 610 ms (n=2)}, or {@code not measured}. */
    public String describe() {
        if (samples.isEmpty()) {
            return "not measured";
        }
        return samples.size() == 1 ? millis(samples.get(0)) + " (n=1)"
                : "median " + millis(median().get()) + ", worst " + millis(worst().get())
                        + " (n=" + samples.size() + ")";
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
