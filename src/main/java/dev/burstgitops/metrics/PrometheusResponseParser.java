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
        Sample sample = switch (resultType) {
            case "vector" -> sumOfVector(result, queriedAt);
            case "scalar" -> pointOf(result, 1);
            default -> throw new WrongShape("expected an instant vector, got a " + resultType + " result");
        };
        return unusable(resultType, result).<PrometheusResponse>map(PrometheusResponse.Unusable::new)
                .orElse(new PrometheusResponse.Answered(sample));
    }

    /** Why the answer holds no usable rate: the first series that is NaN, infinite or negative. */
    private static java.util.Optional<String> unusable(String resultType, JsonNode result) {
        List<JsonNode> series = new ArrayList<>();
        if (resultType.equals("scalar")) {
            series.add(JSON.createObjectNode().set("value", result));
        } else {
            result.forEach(series::add);
        }
        for (int i = 0; i < series.size(); i++) {
            double value = value(series.get(i).path("value").get(1).asText());
            String which = (series.size() == 1 ? "the result" : "series " + (i + 1) + " of " + series.size())
                    + labels(series.get(i).path("metric"));
            if (Double.isNaN(value)) {
                return java.util.Optional.of(which + " is NaN (a ratio over a counter at rest?); no rate is"
                        + " read from it, and the mode holds");
            }
            if (Double.isInfinite(value)) {
                return java.util.Optional.of(which + " is " + (value > 0 ? "+Inf" : "-Inf")
                        + " (a division by zero?); no rate is read from it, and the mode holds");
            }
            if (value < 0) {
                return java.util.Optional.of(which + " is negative (" + value + "): a rate never is; a delta() or"
                        + " increase() across a counter reset? No rate is read from it, and the mode holds");
            }
        }
        return java.util.Optional.empty();
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
        for (JsonNode one : series) {
            Sample point = pointOf(one.path("value"), 1);
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

    /** Unwinds the tree walk at the first unexpected node; never leaves this class. */
    private static final class WrongShape extends RuntimeException {
        WrongShape(String message) {
            super(message, null, false, false);
        }
    }
}
