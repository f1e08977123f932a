package dev.burstgitops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where this JVM's Java threads spend their CPU during a step, from JFR execution samples (every
 * 10 ms per running thread): the share of samples whose stack holds each package (inclusive), and
 * the hottest methods (top frame). Only with {@code -Dbench.profile=true}; JIT and GC threads are
 * not sampled.
 */
final class CpuProfile implements AutoCloseable {

    private final Recording recording = new Recording();
    private final Path file;

    private CpuProfile(Path file) {
        this.file = file;
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.enable("jdk.TLSHandshake");
        recording.enable("jdk.GarbageCollection");
        recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
        recording.start();
    }

    static boolean enabled() {
        return Boolean.getBoolean("bench.profile");
    }

    static CpuProfile start(Path file) {
        return new CpuProfile(file);
    }

    /** Stops the recording and returns the report, several lines. */
    String report(String title) {
        try {
            recording.stop();
            recording.dump(file);
            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            long handshakes = events.stream().filter(e -> e.getEventType().getName().equals("jdk.TLSHandshake")).count();
            List<RecordedEvent> collections = events.stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.GarbageCollection")).toList();
            double gcMillis = collections.stream().mapToDouble(e -> e.getDuration().toNanos() / 1e6).sum();
            List<RecordedEvent> compilations = events.stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.Compilation")).toList();
            double jitMillis = compilations.stream().mapToDouble(e -> e.getDuration().toNanos() / 1e6).sum();
            List<RecordedEvent> samples = events.stream()
                    .filter(event -> event.getEventType().getName().equals("jdk.ExecutionSample"))
                    .filter(event -> event.getStackTrace() != null).toList();
            Map<String, Integer> packages = new TreeMap<>();
            Map<String, Integer> methods = new TreeMap<>();
            for (RecordedEvent sample : samples) {
                List<RecordedFrame> frames = sample.getStackTrace().getFrames();
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    seen.add(packageOf(frame));
                }
                seen.forEach(name -> packages.merge(name, 1, Integer::sum));
                if (!frames.isEmpty()) {
                    RecordedFrame top = frames.get(0);
                    methods.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
                }
            }
            int total = Math.max(1, samples.size());
            StringBuilder text = new StringBuilder("  profile of " + title + ": " + samples.size()
                    + " samples (10 ms each, Java threads only); " + handshakes + " TLS handshakes; "
                    + collections.size() + " collections, " + Math.round(gcMillis) + " ms; " + compilations.size()
                    + " JIT compilations, " + Math.round(jitMillis) + " ms\n    in the stack (inclusive): ");
            text.append(top(packages, 14, total)).append("\n    hottest methods (self): ").append(top(methods, 12, total));
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String top(Map<String, Integer> counts, int limit, int total) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .map(e -> String.format("%s %d%%", e.getKey(), Math.round(100.0 * e.getValue() / total)))
                .collect(Collectors.joining(", "));
    }

    /** The first three segments of the frame's package ({@code com.fasterxml.jackson}), or its class's for ours. */
    private static String packageOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        if (type.startsWith("dev.burstgitops.")) {
            int dollar = type.indexOf('$');
            return dollar < 0 ? type.substring("dev.burstgitops.".length())
                    : type.substring("dev.burstgitops.".length(), dollar);
        }
        String[] parts = type.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, Math.max(1, parts.length - 1))));
    }

    @Override
    public void close() {
        recording.close();
    }
}
