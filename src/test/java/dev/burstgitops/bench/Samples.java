package dev.burstgitops.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated readings of one figure: median and worst, never asserted. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    int size() {
        return values.size();
    }

    /** The middle reading (of an even count, the upper of the two middle ones). */
    double median() {
        List<Double> sorted = sorted();
        return sorted.get(sorted.size() / 2);
    }

    /** The largest reading: the slowest time, the most memory. */
    double worst() {
        List<Double> sorted = sorted();
        return sorted.get(sorted.size() - 1);
    }

    List<Double> all() {
        return List.copyOf(values);
    }

    private List<Double> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no readings");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    /** {@code median 1,234, worst 1,456 (1,300 1,234 1,456)}, whole numbers. */
    String describe() {
        StringBuilder each = new StringBuilder();
        values.forEach(v -> each.append(each.length() == 0 ? "" : " ").append(whole(v)));
        return "median %s, worst %s (%s)".formatted(whole(median()), whole(worst()), each);
    }

    static String whole(double value) {
        return String.format("%,d", Math.round(value));
    }
}
