package dev.burstgitops.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.metrics.MetricQueryException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@link MetricsHistory} over the Prometheus HTTP API ({@code GET /api/v1/query_range}). The
 * series of the matrix are summed per step, as an instant query's vector is; a step where no
 * series has a value is no data. Failures leave as {@link MetricQueryException}s naming the
 * endpoint, never a credential.
 */
public final class PrometheusMetricsHistory implements MetricsHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient SHARED = new OkHttpClient();

    private final PrometheusEndpoint endpoint;
    private final OkHttpClient client;

    public PrometheusMetricsHistory(PrometheusEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.client = SHARED.newBuilder().callTimeout(endpoint.timeout()).build();
    }

    @Override
    public List<Sample> range(String promql, Instant from, Instant to, Duration step) throws MetricQueryException {
        HttpUrl url = endpoint.queryRangeUrl();
        Request.Builder request = new Request.Builder()
                .url(url.newBuilder().addQueryParameter("query", promql)
                        .addQueryParameter("start", seconds(from)).addQueryParameter("end", seconds(to))
                        .addQueryParameter("step", seconds(step)).build())
                .header("Accept", "application/json");
        endpoint.authorize(request, url.toString());
        String where = url.toString();
        try (Response response = client.newCall(request.build()).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            return samples(parse(body, response, where), from, to, step, where);
        } catch (InterruptedIOException e) {
            throw new MetricQueryException(Kind.TIMEOUT, where, "no answer within " + endpoint.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new MetricQueryException(Kind.CONNECTION, where, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String body, Response response, String where) throws MetricQueryException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            if (!response.isSuccessful()) {
                throw new MetricQueryException(Kind.HTTP_STATUS, where, "HTTP " + response.code());
            }
            throw new MetricQueryException(Kind.MALFORMED, where, "not JSON: " + e.getOriginalMessage(), e);
        }
        if ("error".equals(root.path("status").asText())) {
            throw new MetricQueryException(Kind.API_ERROR, where,
                    root.path("errorType").asText("unknown") + ": " + root.path("error").asText(""));
        }
        if (!response.isSuccessful()) {
            throw new MetricQueryException(Kind.HTTP_STATUS, where, "HTTP " + response.code());
        }
        JsonNode data = root.path("data");
        if (!"matrix".equals(data.path("resultType").asText())) {
            throw new MetricQueryException(Kind.MALFORMED, where,
                    "expected a range (matrix) result, got " + data.path("resultType").asText("none"));
        }
        return data.path("result");
    }

    private static List<Sample> samples(JsonNode matrix, Instant from, Instant to, Duration step, String where)
            throws MetricQueryException {
        // Per step: the sum, the number of series, and whether one of them held no usable rate
        // (NaN, infinite, negative): such a step is no data, as a live query would fail there.
        TreeMap<Long, double[]> byTime = new TreeMap<>();
        for (JsonNode series : matrix) {
            for (JsonNode pair : series.path("values")) {
                if (!pair.isArray() || pair.size() != 2) {
                    throw new MetricQueryException(Kind.MALFORMED, where, "expected [timestamp, \"value\"] pairs");
                }
                double value = parseValue(pair.get(1).asText());
                double[] sum = byTime.computeIfAbsent(Math.round(pair.get(0).asDouble() * 1000), t -> new double[3]);
                if (Sample.isRate(value)) {
                    sum[0] += value;
                    sum[1]++;
                } else {
                    sum[2] = 1;
                }
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (Instant at = from; !at.isAfter(to); at = at.plus(step)) {
            double[] sum = byTime.get(at.toEpochMilli());
            samples.add(sum == null || sum[2] > 0 || sum[1] == 0 ? Sample.noData(at) : new Sample(sum[0], at, (int) sum[1]));
        }
        return samples;
    }

    private static double parseValue(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String seconds(Instant at) {
        return java.math.BigDecimal.valueOf(at.toEpochMilli(), 3).toPlainString();
    }

    private static String seconds(Duration step) {
        return java.math.BigDecimal.valueOf(step.toMillis(), 3).toPlainString();
    }
}
