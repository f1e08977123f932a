package dev.burstgitops.decision;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration notation of burst-gitops.yaml and the CLI: {@code 500ms}, {@code 15s},
 * {@code 2m}, {@code 1h}, {@code 7d}, or a sum such as {@code 1h30m}. It lives here, beside
 * the decision reasons that print durations, so that parsing and printing share one grammar.
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationText() {
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher matcher = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            total = total.plus(unit(Long.parseLong(matcher.group(1)), matcher.group(2)));
            end = matcher.end();
        }
        if (trimmed.isEmpty() || end != trimmed.length()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write it like 500ms, 15s, 2m, 1h or 7d");
        }
        return total;
    }

    /** The shortest exact form: 30s, 1m30s, 7d, 250ms, 0s. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        long days = rest.toDays();
        append(text, days, "d");
        rest = rest.minusDays(days);
        long hours = rest.toHours();
        append(text, hours, "h");
        rest = rest.minusHours(hours);
        long minutes = rest.toMinutes();
        append(text, minutes, "m");
        rest = rest.minusMinutes(minutes);
        append(text, rest.toSeconds(), "s");
        append(text, rest.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }

    private static Duration unit(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
