package dev.burstgitops.validate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two facts {@code validate} reads out of a policy's PromQL, by pattern rather than by a
 * parser: whether it selects destination-reported Istio series, and the range windows it
 * computes over. Only what reads unambiguously is reported; a window it cannot read (a Grafana
 * {@code [$__rate_interval]}) is left alone rather than guessed at.
 */
final class PromqlText {

    private static final Pattern DESTINATION_REPORTER =
            Pattern.compile("\\breporter\\s*=~?\\s*([\"'`])destination\\1");
    /** String literals and comments, which may hold brackets that are no range window. */
    private static final Pattern NOT_CODE =
            Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`|#[^\\n]*");
    /** {@code [1m]}, {@code [1m30s]}, and a subquery's range {@code [5m:30s]}. */
    private static final Pattern RANGE = Pattern.compile("\\[\\s*([0-9][0-9a-z]*)\\s*(?::[^\\]]*)?\\]");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

    /** A range window as written ({@code [15s]}) and how long it is. */
    record RangeWindow(String text, Duration length) {
    }

    private PromqlText() {
    }

    /** Whether the query selects {@code reporter="destination"} (or {@code =~"destination"}). */
    static boolean selectsDestinationReporter(String promql) {
        return DESTINATION_REPORTER.matcher(promql).find();
    }

    /** Every range window of the query, in order of appearance. */
    static List<RangeWindow> rangeWindows(String promql) {
        String code = NOT_CODE.matcher(promql).replaceAll(" ");
        List<RangeWindow> windows = new ArrayList<>();
        Matcher range = RANGE.matcher(code);
        while (range.find()) {
            String text = range.group(1);
            duration(text).ifPresent(length -> windows.add(new RangeWindow("[" + text + "]", length)));
        }
        return windows;
    }

    /** PromQL's duration notation: {@code 90s}, {@code 1m30s}, {@code 2h}, {@code 1w}; empty for anything else. */
    static Optional<Duration> duration(String text) {
        Matcher part = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            total = total.plus(unit(Long.parseLong(part.group(1)), part.group(2)));
            end = part.end();
        }
        return end == text.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }

    private static Duration unit(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            case "w" -> Duration.ofDays(7 * amount);
            default -> Duration.ofDays(365 * amount);
        };
    }
}
