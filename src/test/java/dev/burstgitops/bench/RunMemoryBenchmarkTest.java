package dev.burstgitops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident memory of {@code run} (the shaded jar, as the image runs it) with two clusters of
 * 1,001 objects each, each cluster a fresh real API server: VmRSS from {@code /proc/<pid>/status}
 * once {@code /status} shows both first passes done (every object created), and again after
 * {@code -Dbench.resyncs} (default 2) resync passes of each cluster ({@code sync.interval: 10s}),
 * every one of which must have found every object unchanged.
 *
 * <p>The image runs {@code java -XX:MaxRAMPercentage=75 -jar} in a container limited to 512 MiB and
 * one CPU (apps/burst-gitops/deployment.yaml). Outside a container the JVM would size itself
 * from this machine's 24 GiB and 2 cores, so the "image" variant passes the container's figures
 * explicitly: {@code -XX:MaxRAM=512m -XX:MaxRAMPercentage=75} (a 384 MiB maximum heap and, as in
 * the container, an 8 MiB initial one: {@code -Xmx384m} alone would start it at 1/64 of 24 GiB)
 * and {@code -XX:ActiveProcessorCount=1} (with which the JVM picks the Serial collector, as it
 * does in the container).
 *
 * <p>Other variants try flags: {@code -Dbench.jvmVariants="name=flags;name=flags"} replaces the
 * list. A variant whose flags hold {@code -XX:NativeMemoryTracking=summary} also prints the JVM's
 * own breakdown. Two tokens are not JVM flags: {@code @env:NAME=VALUE} sets an environment
 * variable ({@code @env:MALLOC_ARENA_MAX=2}) and {@code @http:jdk} runs a copy of the jar that
 * uses fabric8's JDK HTTP client instead of Vert.x ({@link JdkHttpJar}). {@code -Dbench.rounds}
 * runs of each variant (default 3), interleaved. Never asserts a figure.
 */
@Tag("benchmark")
class RunMemoryBenchmarkTest {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int RESYNCS = Integer.getInteger("bench.resyncs", 2);
    private static final String AFTER_RESYNCS = "after " + RESYNCS + " resync passes";
    /** What the image's -XX:MaxRAMPercentage=75 makes of a 512 MiB, 1 CPU container, outside one. */
    static final String IMAGE = "-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:ActiveProcessorCount=1";
    private static final String DEFAULT_VARIANTS = String.join(";",
            "image=" + IMAGE,
            "image, C1 only=" + IMAGE + " -XX:TieredStopAtLevel=1",
            "image, trim native heap=" + IMAGE + " -XX:TrimNativeHeapInterval=5000",
            "image, JDK HTTP client=" + IMAGE + " @http:jdk",
            "image, all three=" + IMAGE + " -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=5000 @http:jdk",
            "image, NMT=" + IMAGE + " -XX:NativeMemoryTracking=summary");
    private static final List<String> CLUSTERS = List.of("one", "two");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NMT_LINE = Pattern.compile(
            "^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Map<String, Samples>> figures = new LinkedHashMap<>();
    private final Samples load = new Samples();

    @Test
    void residentMemoryOfRunWithTwoClustersOfOneThousandObjects() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        CLUSTERS.forEach(cluster -> files.putAll(BenchRepository.files(cluster)));
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), files);
        BenchProcess.jar();
        Map<String, String> variants = variants();

        System.out.printf("%nrun memory benchmark: `run`, %d clusters x %d objects, real kube-apiservers, "
                + "%d runs per variant%n", CLUSTERS.size(), BenchRepository.ALL, ROUNDS);
        MachineLoad.awaitQuiet();
        int run = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            for (Map.Entry<String, String> variant : variants.entrySet()) {
                measure(remote, variant.getKey(), variant.getValue(), ++run);
            }
        }
        print(variants);
    }

    private void measure(Path remote, String variant, String flags, int run) throws Exception {
        Path runDir = dir.resolve("run-" + run);
        Map<String, KubeFixture> clusters = new LinkedHashMap<>();
        Process process = null;
        try {
            for (String name : CLUSTERS) {
                clusters.put(name, KubeFixture.start(name, runDir));
            }
            CpuTimes.awaitPeersIdle();
            int port = freePort();
            ConfigYaml config = ConfigYaml.forRemote(remote.toUri()).git("pollInterval: 1h")
                    .section("sync:\n  interval: 10s").section("server:\n  port: " + port);
            clusters.forEach((name, kube) -> config.cluster(name, kube.kubeconfig()));
            Path file = config.writeTo(runDir.resolve("burst-gitops.yaml"));
            List<String> jvm = new ArrayList<>();
            Map<String, String> environment = new TreeMap<>();
            Path jar = BenchProcess.jar();
            for (String token : flags.isBlank() ? List.<String>of() : Arrays.asList(flags.trim().split("\\s+"))) {
                if (token.startsWith("@env:")) {
                    environment.put(token.substring(5, token.indexOf('=')), token.substring(token.indexOf('=') + 1));
                } else if (token.equals("@http:jdk")) {
                    jar = JdkHttpJar.of(jar, dir);
                } else {
                    jvm.add(token);
                }
            }
            List<String> command = new ArrayList<>(List.of(BenchProcess.java()));
            command.addAll(jvm);
            command.addAll(List.of("-jar", jar.toString(), "run", "--config", file.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(runDir.resolve("run.log").toFile());
            builder.environment().putAll(environment);
            load.add(MachineLoad.oneMinute());
            long start = System.nanoTime();
            process = builder.start();
            String base = "http://127.0.0.1:" + port;

            Map<String, String> firstPasses = awaitPasses(base, Map.of(), process, runDir);
            sample(variant, "first passes of both clusters done, s", (System.nanoTime() - start) / 1e9);
            read(variant, "after the first passes", process.pid());
            double[] passes = passSeconds(base);
            sample(variant, "first pass (mean of the two clusters), ms", passes[0] / passes[1] * 1000);
            double cpu = CpuTimes.own(process.pid());
            Map<String, String> previous = firstPasses;
            for (int resync = 0; resync < RESYNCS; resync++) {
                previous = awaitPasses(base, previous, process, runDir);
            }
            double resyncCpu = CpuTimes.own(process.pid()) - cpu;
            double[] later = passSeconds(base);
            sample(variant, "resync (no-op) pass, mean, ms", (later[0] - passes[0]) / (later[1] - passes[1]) * 1000);
            sample(variant, "CPU per resync of both clusters, ms", resyncCpu / RESYNCS * 1000);
            read(variant, AFTER_RESYNCS, process.pid());
            liveHeap(variant, process.pid());
            if (flags.contains("NativeMemoryTracking")) {
                nativeMemory(variant, process.pid(), runDir);
            }
            threads(variant, process.pid());

            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("run stops on SIGTERM").isTrue();
            assertThat(process.exitValue()).as(Files.readString(runDir.resolve("run.log"))).isZero();
            Map<String, Samples> mine = figures.get(variant);
            System.out.printf("  run %d (%s): VmRSS %s MiB after the first passes, %s MiB after %d resyncs; "
                            + "heap committed %s MiB, live %s MiB; load %s%n", run, variant,
                    last(mine, "VmRSS after the first passes, MiB"), last(mine, "VmRSS " + AFTER_RESYNCS + ", MiB"), RESYNCS,
                    last(mine, "  heap committed " + AFTER_RESYNCS + ", MiB"),
                    last(mine, "live heap (used after jcmd GC.run), MiB"), MachineLoad.averages());
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            clusters.values().forEach(KubeFixture::close);
        }
    }

    /**
     * Polls {@code /status} until every cluster shows a pass newer than in {@code after} (its
     * {@code time}), none of them failed; returns each cluster's time. The first pass must have
     * created every object, a later one found every object unchanged.
     */
    private Map<String, String> awaitPasses(String base, Map<String, String> after, Process process, Path runDir)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        Map<String, String> times = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(() -> log(runDir)).isTrue();
            JsonNode status = status(base);
            for (String name : CLUSTERS) {
                JsonNode cluster = status == null ? null : status.path("clusters").get(name);
                if (times.containsKey(name) || cluster == null || !cluster.path("time").isTextual()
                        || cluster.path("time").asText().equals(after.get(name))) {
                    continue;
                }
                String seen = name + ": created " + cluster.path("created") + ", unchanged " + cluster.path("unchanged")
                        + ", failed " + cluster.path("failed") + ", error " + cluster.path("lastError");
                assertThat(cluster.path("lastError").isNull()).as(seen).isTrue();
                long expected = after.isEmpty() ? cluster.path("created").asLong() : cluster.path("unchanged").asLong();
                assertThat(expected).as(seen).isEqualTo(BenchRepository.ALL);
                times.put(name, cluster.path("time").asText());
            }
            if (times.size() == CLUSTERS.size()) {
                return times;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no pass of every cluster within 5 minutes: " + log(runDir));
    }

    /** The sum and count of burst_gitops_sync_pass_duration_seconds over every cluster, from {@code /metrics}. */
    private double[] passSeconds(String base) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        double[] sumAndCount = new double[2];
        Matcher line = Pattern.compile("^burst_gitops_sync_pass_duration_seconds_(sum|count)\\{[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        while (line.find()) {
            sumAndCount[line.group(1).equals("sum") ? 0 : 1] += Double.parseDouble(line.group(2));
        }
        assertThat(sumAndCount[1]).as(metrics).isPositive();
        return sumAndCount;
    }

    private JsonNode status(String base) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException notYet) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void read(String variant, String when, long pid) {
        Map<String, String> status = BenchProcess.status(pid);
        sample(variant, "VmRSS " + when + ", MiB", BenchProcess.mib(status, "VmRSS"));
        sample(variant, "  RssAnon (heap, stacks, native) " + when + ", MiB", BenchProcess.mib(status, "RssAnon"));
        sample(variant, "  RssFile (libjvm, CDS archive, jar) " + when + ", MiB", BenchProcess.mib(status, "RssFile"));
        sample(variant, "VmHWM (peak RSS) " + when + ", MiB", BenchProcess.mib(status, "VmHWM"));
        sample(variant, "threads " + when, Double.parseDouble(status.get("Threads")));
        String heap = BenchProcess.jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heap);
        double committed = 0;
        double inUse = 0;
        while (used.find()) {
            committed += Long.parseLong(used.group(1)) / 1024.0;
            inUse += Long.parseLong(used.group(2)) / 1024.0;
        }
        sample(variant, "  heap committed " + when + ", MiB", committed);
        sample(variant, "  heap used " + when + ", MiB", inUse);
    }

    /** The heap that is live: used after a full collection ({@code jcmd GC.run}), once the RSS was read. */
    private void liveHeap(String variant, long pid) {
        BenchProcess.jcmd(pid, "GC.run");
        Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(BenchProcess.jcmd(pid, "GC.heap_info"));
        double inUse = 0;
        while (used.find()) {
            inUse += Long.parseLong(used.group(2)) / 1024.0;
        }
        sample(variant, "live heap (used after jcmd GC.run), MiB", inUse);
    }

    /** The JVM's own account (NMT summary), committed MiB per category; the whole text goes to the run's directory. */
    private void nativeMemory(String variant, long pid, Path runDir) throws IOException {
        String summary = BenchProcess.jcmd(pid, "VM.native_memory", "summary");
        Files.writeString(runDir.resolve("nmt.txt"), summary);
        Matcher total = NMT_TOTAL.matcher(summary);
        if (total.find()) {
            sample(variant, "NMT committed total, MiB", Long.parseLong(total.group(2)) / 1024.0);
        }
        Matcher line = NMT_LINE.matcher(summary);
        while (line.find()) {
            double committed = Long.parseLong(line.group(3)) / 1024.0;
            if (committed >= 1) {
                sample(variant, "  NMT " + line.group(1).trim() + ", MiB", committed);
            }
        }
    }

    /** Threads by name, numbers stripped ({@code vert.x-eventloop-thread-#}), from a thread dump. */
    private void threads(String variant, long pid) {
        String dump = BenchProcess.jcmd(pid, "Thread.print");
        Map<String, Integer> kinds = new TreeMap<>();
        Matcher name = Pattern.compile("^\"([^\"]+)\"", Pattern.MULTILINE).matcher(dump);
        while (name.find()) {
            kinds.merge(name.group(1).replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        kinds.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(" ").append(kind));
        figures.computeIfAbsent(variant, key -> new LinkedHashMap<>());
        System.out.printf("  threads of %s: %s%n", variant, text);
    }

    private static String last(Map<String, Samples> figures, String what) {
        List<Double> all = figures.get(what).all();
        return Samples.whole(all.get(all.size() - 1));
    }

    private String log(Path runDir) {
        try {
            String log = Files.readString(runDir.resolve("run.log"));
            return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void sample(String variant, String what, double value) {
        figures.computeIfAbsent(variant, key -> new LinkedHashMap<>()).computeIfAbsent(what, key -> new Samples()).add(value);
    }

    private void print(Map<String, String> variants) {
        for (Map.Entry<String, String> variant : variants.entrySet()) {
            System.out.printf("%n  variant %s: java %s -jar burst-gitops.jar run%n", variant.getKey(), variant.getValue());
            figures.getOrDefault(variant.getKey(), Map.of()).forEach((what, samples) ->
                    System.out.printf("    %-60s %s%n", what, what.endsWith(", s") ? seconds(samples) : samples.describe()));
        }
        System.out.printf("%n  1-minute load average at each start: min %.2f, median %.2f, max %.2f; now %s%n",
                load.all().stream().mapToDouble(Double::doubleValue).min().orElse(0), load.median(), load.worst(),
                MachineLoad.averages());
    }

    private static String seconds(Samples samples) {
        List<String> each = new ArrayList<>();
        samples.all().forEach(v -> each.add(String.format("%.1f", v)));
        return String.format("median %.1f, worst %.1f (%s)", samples.median(), samples.worst(), String.join(" ", each));
    }

    private static Map<String, String> variants() {
        Map<String, String> variants = new LinkedHashMap<>();
        for (String entry : System.getProperty("bench.jvmVariants", DEFAULT_VARIANTS).split(";")) {
            int eq = entry.indexOf('=');
            variants.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return variants;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
