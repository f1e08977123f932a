package dev.burstgitops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Asks Prometheus for the policy's query, independently of the controller, so the demo can tell
 * when the rate crossed the threshold in Prometheus and measure how long the controller took from
 * there to its commit. It asks four times a second: the controller asks once a second, and a
 * watcher as slow as that could notice the crossing after the commit it caused.
 */
public final class PrometheusRateWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI queryUrl;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<BiConsumer<OptionalDouble, Instant>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-prometheus-watch");
        thread.setDaemon(true);
        return thread;
    });

    public PrometheusRateWatch(URI prometheus, String promql, Clock clock) {
        this.queryUrl = prometheus.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /** Told the value of every query that answered (empty: no data yet) and when it was asked. */
    public void onValue(BiConsumer<OptionalDouble, Instant> listener) {
        listeners.add(listener);
    }

    public void start() {
        poller.scheduleAtFixedRate(this::poll, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        Instant asked = clock.instant();
        try {
            HttpRequest request = HttpRequest.newBuilder(queryUrl).timeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                OptionalDouble value = valueOf(JSON.readTree(response.body()));
                listeners.forEach(listener -> listener.accept(value, asked));
            }
        } catch (IOException | RuntimeException e) {
            // A missed second only blurs the measurement; the next poll tries again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first sample of an instant-vector answer; empty for no series or NaN. */
    static OptionalDouble valueOf(JsonNode answer) {
        JsonNode result = answer.path("data").path("result");
        if (!result.isArray() || result.isEmpty()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(result.get(0).path("value").path(1).asText("NaN"));
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
