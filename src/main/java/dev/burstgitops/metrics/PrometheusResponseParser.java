package dev.burstgitops.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code /api/v1/query} into a {@link PrometheusResponse}. A vector of
 * several series is summed, keeping the count; a scalar counts as one series; a range or
 * string result is not something a threshold can be compared with, so it is malformed.
 */
final class PrometheusResponseParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrometheusResponseParser() {
    }

    /**
     * @param body      the HTTP body as received
     * @param queriedAt when the query was sent: the only time known for an empty vector,
     *                  which carries no sample timestamp
     */
    static PrometheusResponse parse(String body, Instant queriedAt) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new PrometheusResponse.Malformed("not JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return interpret(root, queriedAt);
        } catch (WrongShape e) {
            return new PrometheusResponse.Malformed(e.getMessage(), null);
        }
    }

    private static PrometheusResponse interpret(JsonNode root, Instant queriedAt) {
        String status = text(root, "status");
        if (status.equals("error")) {
            return new PrometheusResponse.ApiError(
                    root.path("errorType").asText("unknown"), root.path("error").asText(""));
        }
        if (!status.equals("success")) {
            throw new WrongShape("unexpected status \"" + status + "\"");
        }
        JsonNode data = root.path("data");
        String resultType = text(data, "resultType");
        JsonNode result = data.path("result");
        try {
            return new PrometheusResponse.Answered(switch (resultType) {
                case "vector" -> sumOfVector(result, queriedAt);
                case "scalar" -> usable(pointOf(result, 1), "the result");
                default -> throw new WrongShape("expected an instant vector, got a " + resultType + " result");
            });
        } catch (UnusableSeries e) {
            return new PrometheusResponse.Unusable(e.getMessage());
        }
    }

    /** {@code point} when its value is a rate ({@link Sample#isRate}); else why not, naming the series. */
    private static Sample usable(Sample point, String which) {
        double value = point.value();
        if (Sample.isRate(value)) {
            return point;
        }
        String what = Double.isNaN(value) ? "NaN (a ratio over a counter at rest?)"
                : Double.isInfinite(value) ? (value > 0 ? "+Inf" : "-Inf") + " (a division by zero?)"
                : "negative (" + value + "): a rate never is; a delta() or increase() across a counter reset?";
        throw new UnusableSeries(which + " is " + what + "; no rate is read from it, and the mode holds");
    }

    private static Sample sumOfVector(JsonNode series, Instant queriedAt) {
        if (!series.isArray()) {
            throw new WrongShape("vector result is not an array");
        }
        if (series.isEmpty()) {
            return Sample.noData(queriedAt);
        }
        double sum = 0;
        Instant evaluatedAt = null;
        int index = 0;
        for (JsonNode one : series) {
            index++;
            Sample point = usable(pointOf(one.path("value"), 1), (series.size() == 1 ? "the result"
                    : "series " + index + " of " + series.size()) + labels(one.path("metric")));
            sum += point.value();
            evaluatedAt = evaluatedAt == null ? point.evaluatedAt() : evaluatedAt;
        }
        return new Sample(sum, evaluatedAt, series.size());
    }

    /** A {@code [<unix seconds>, "<value>"]} pair. */
    private static Sample pointOf(JsonNode pair, int seriesCount) {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isTextual()) {
            throw new WrongShape("expected a [timestamp, \"value\"] pair, got " + abbreviate(pair));
        }
        return new Sample(value(pair.get(1).asText()), instant(pair.get(0).decimalValue()), seriesCount);
    }

    /** Prometheus writes special values the Go way, which {@link Double#parseDouble} does not read. */
    private static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new WrongShape("sample value \"" + abbreviate(text) + "\" is not a number");
                }
            }
        };
    }

    /** A series' labels as PromQL writes them ({@code {shard="b"}}), or nothing when it has none. */
    private static String labels(JsonNode metric) {
        List<String> pairs = new ArrayList<>();
        metric.fields().forEachRemaining(field -> pairs.add(field.getKey() + "=\"" + field.getValue().asText() + "\""));
        return pairs.isEmpty() ? "" : " " + abbreviate("{" + String.join(", ", pairs) + "}");
    }

    private static Instant instant(BigDecimal unixSeconds) {
        // Prometheus timestamps have millisecond precision; rounding removes binary-float noise.
        return Instant.ofEpochMilli(unixSeconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new WrongShape("missing \"" + field + "\"");
        }
        return value.asText();
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** Unwinds the sum at the first series that holds no rate; never leaves this class. */
    private static final class UnusableSeries extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableSeries(String message) {
            super(message, null, false, false);
        }
    }

    /** Unwinds the tree walk at the first unexpected node; never leaves this class. */
    private static final class WrongShape extends RuntimeException {
        WrongShape(String message) {
            super(message, null, false, false);
        }
    }
}
