package dev.burstgitops.metrics;

import dev.burstgitops.metrics.MetricQueryException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MetricsSource} over the Prometheus HTTP API ({@code GET /api/v1/query}). Every
 * failure leaves as a {@link MetricQueryException} naming the endpoint; OkHttp's exceptions
 * stay attached as the cause.
 */
public final class PrometheusMetricsSource implements MetricsSource {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusMetricsSource.class);

    /** One connection pool and dispatcher for every source that is not handed a client. */
    private static final OkHttpClient SHARED = new OkHttpClient();

    private final PrometheusEndpoint endpoint;
    private final OkHttpClient client;
    private final Clock clock;

    public PrometheusMetricsSource(PrometheusEndpoint endpoint) {
        this(endpoint, SHARED, Clock.systemUTC());
    }

    /**
     * @param sharedClient the process-wide client; this source derives its own timeout from
     *                     it, keeping the shared connection pool and threads
     * @param clock        stamps an empty answer, which carries no timestamp of its own
     */
    public PrometheusMetricsSource(PrometheusEndpoint endpoint, OkHttpClient sharedClient, Clock clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = sharedClient.newBuilder().callTimeout(endpoint.timeout()).build();
    }

    @Override
    public Sample query(String promql) throws MetricQueryException {
        HttpUrl url = endpoint.queryUrl();
        Request.Builder request = new Request.Builder()
                .url(url.newBuilder().addQueryParameter("query", promql).build())
                .header("Accept", "application/json");
        endpoint.authorize(request, url.toString());

        PrometheusResponse response = send(request.build(), url.toString());
        if (response instanceof PrometheusResponse.Answered answered) {
            LOG.debug("{} at {} -> {}", promql, url, answered.sample());
            return answered.sample();
        }
        throw failure(response, url.toString());
    }

    private PrometheusResponse send(Request request, String where) throws MetricQueryException {
        try (Response response = client.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            PrometheusResponse parsed = PrometheusResponseParser.parse(body, clock.instant());
            // Prometheus answers a bad query with 400/422 and a JSON error: its message is the useful part.
            if (!response.isSuccessful() && !(parsed instanceof PrometheusResponse.ApiError)) {
                String reason = response.message().isBlank() ? "" : " " + response.message();
                throw new MetricQueryException(Kind.HTTP_STATUS, where, "HTTP " + response.code() + reason);
            }
            return parsed;
        } catch (InterruptedIOException e) {
            // OkHttp's callTimeout and socket timeouts both surface as InterruptedIOException.
            throw new MetricQueryException(Kind.TIMEOUT, where,
                    "no answer within " + endpoint.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new MetricQueryException(Kind.CONNECTION, where, describe(e), e);
        }
    }

    private static MetricQueryException failure(PrometheusResponse response, String where) {
        if (response instanceof PrometheusResponse.ApiError error) {
            return new MetricQueryException(Kind.API_ERROR, where, error.describe());
        }
        if (response instanceof PrometheusResponse.Unusable unusable) {
            return new MetricQueryException(Kind.UNUSABLE_VALUE, where, unusable.reason());
        }
        PrometheusResponse.Malformed malformed = (PrometheusResponse.Malformed) response;
        return new MetricQueryException(Kind.MALFORMED, where, malformed.reason(), malformed.cause());
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
