package dev.burstgitops.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code /metrics} in the Prometheus text format 0.0.4, which every Prometheus version scrapes.
 * Rendered to memory first so a failing collector gives a 500, not a truncated 200.
 */
final class MetricsEndpoint implements HttpHandler {

    // Without _created series: they double the output and nothing here queries them.
    private static final PrometheusTextFormatWriter WRITER =
            PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(false).build();

    private final PrometheusRegistry registry;

    MetricsEndpoint(PrometheusRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(8192);
        WRITER.write(text, registry.scrape());
        Exchanges.send(exchange, 200, PrometheusTextFormatWriter.CONTENT_TYPE, text.toByteArray());
    }
}
