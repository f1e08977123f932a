package dev.burstgitops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes counter series into a Prometheus storage directory before the server starts, with
 * {@code promtool tsdb create-blocks-from openmetrics}. Backfilled data is there the moment
 * the server is ready, so a test can query "now" at once instead of waiting for scrapes.
 */
final class PrometheusBackfill {

    /** Long enough for any range in a query; data past "now" keeps a slow test inside it. */
    static final Duration HISTORY = Duration.ofHours(1);
    static final Duration FUTURE = Duration.ofMinutes(10);
    /** One sample a second so that even a 2s rate window holds two samples. */
    private static final long STEP_SECONDS = 1;

    private PrometheusBackfill() {
    }

    static void write(List<PrometheusCounterSeries> series, Instant now, Path storageDir, Path workDir) {
        if (series.isEmpty()) {
            return;
        }
        Path openMetrics = workDir.resolve("backfill.om.txt");
        try (Writer out = Files.newBufferedWriter(openMetrics, StandardCharsets.UTF_8)) {
            writeOpenMetrics(series, now.getEpochSecond(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrometheusProcesses.runToCompletion(List.of(PrometheusProcesses.binary("promtool").toString(),
                "tsdb", "create-blocks-from", "openmetrics", openMetrics.toString(), storageDir.toString()),
                workDir.resolve("promtool.log"), Duration.ofSeconds(60));
    }

    /** Writes gauges with the values at the times they give, as one family each. */
    static void writeGauges(List<PrometheusGaugeSeries> gauges, Path storageDir, Path workDir) {
        if (gauges.isEmpty()) {
            return;
        }
        Path openMetrics = workDir.resolve("gauges.om.txt");
        try (Writer out = Files.newBufferedWriter(openMetrics, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, List<PrometheusGaugeSeries>> family : gauges.stream().collect(Collectors.groupingBy(
                    PrometheusGaugeSeries::name, LinkedHashMap::new, Collectors.toList())).entrySet()) {
                out.write("# TYPE " + family.getKey() + " gauge\n");
                for (PrometheusGaugeSeries one : family.getValue()) {
                    String seriesId = one.name() + labels(one.labels());
                    for (Map.Entry<java.time.Instant, Double> point : one.points().entrySet()) {
                        out.write(seriesId + " " + BigDecimal.valueOf(point.getValue()).toPlainString() + " "
                                + point.getKey().getEpochSecond() + "\n");
                    }
                }
            }
            out.write("# EOF\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrometheusProcesses.runToCompletion(List.of(PrometheusProcesses.binary("promtool").toString(),
                "tsdb", "create-blocks-from", "openmetrics", openMetrics.toString(), storageDir.toString()),
                workDir.resolve("promtool-gauges.log"), Duration.ofSeconds(120));
    }

    /** OpenMetrics wants each family's lines together, timestamps in seconds, and a final {@code # EOF}. */
    static void writeOpenMetrics(List<PrometheusCounterSeries> series, long nowSeconds, Writer out) throws IOException {
        long first = nowSeconds - HISTORY.toSeconds();
        long last = nowSeconds + FUTURE.toSeconds();
        Map<String, List<PrometheusCounterSeries>> families = series.stream().collect(
                Collectors.groupingBy(PrometheusCounterSeries::familyName, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<PrometheusCounterSeries>> family : families.entrySet()) {
            out.write("# TYPE " + family.getKey() + " counter\n");
            for (PrometheusCounterSeries one : family.getValue()) {
                String seriesId = one.name() + labels(one.labels());
                for (long t = first; t <= last; t += STEP_SECONDS) {
                    BigDecimal value = BigDecimal.valueOf(one.ratePerSecond()).multiply(BigDecimal.valueOf(t - first));
                    out.write(seriesId + " " + value.toPlainString() + " " + t + "\n");
                }
            }
        }
        out.write("# EOF\n");
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        return labels.entrySet().stream()
                .map(label -> label.getKey() + "=\"" + escape(label.getValue()) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
