package dev.burstgitops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.manifest.ClusterRendering;
import dev.burstgitops.demo.LocalApiServer;
import dev.burstgitops.manifest.RenderResult;
import dev.burstgitops.sync.Fabric8ClusterApplier;
import dev.burstgitops.sync.SyncOptions;
import dev.burstgitops.sync.SyncReport;
import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.TestPeers;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full sync pass over 1,001 objects on a real kube-apiserver, side by side in one run:
 * <ul>
 *   <li><b>applier</b>: render + {@link Fabric8ClusterApplier#sync} inside this JVM (warmed up by
 *       unrecorded full passes on servers of their own), then no-op passes on the same server,
 *       each of which must make no write at all;</li>
 *   <li><b>kubectl</b>: {@code kubectl apply --server-side -R -f <the cluster directory>}, the
 *       kubectl built from the same Kubernetes release, timed as a whole process (cold discovery
 *       cache, as in a CI job);</li>
 *   <li><b>sync --once</b>: {@code java -jar burst-gitops.jar sync --config F --once} from a bare
 *       repository ({@code file://} URL), timed as a whole process (JVM start, clone, render,
 *       apply), then a second {@code sync --once} (fetch, no-op pass), which must write nothing;</li>
 *   <li><b>sync --once, C1 + AppCDS</b>: the same with {@code -XX:TieredStopAtLevel=1} and a
 *       dynamic AppCDS archive written by a training run ({@code -XX:ArchiveClassesAtExit}), JVM
 *       flags a one-shot command could be run with.</li>
 * </ul>
 * Each contender gets a fresh API server of its own in every round, started just before it is
 * timed and left to settle until this JVM's peers are idle (the test peers start the next server
 * ahead, in the background; see {@link CpuTimes#awaitPeersIdle}) and {@code -Dbench.settleSeconds}
 * more (default 2). The order rotates from round to round; {@code -Dbench.rounds} (default 3).
 * Besides the wall-clock time it records the CPU seconds the client, the API server and etcd
 * spent in each full pass: on a small machine client and server share the cores. See
 * {@link MachineLoad} for the wait for a quiet machine; {@code -Dbench.profile=true} also prints
 * where this JVM's threads spent the applier's full passes ({@link CpuProfile}). Not part of the suite (tag "benchmark"):
 * run it with bin/benchmark and record the figures in docs/benchmarks.md. It asserts what the
 * passes did (every object created; no write at all in a no-op pass), never how long they took.
 */
@Tag("benchmark")
class SyncBenchmarkTest {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int NO_OP_PASSES = 5;
    private static final int EDITED = 100;
    private static final long SETTLE_MILLIS = Long.getLong("bench.settleSeconds", 2) * 1000;
    private static final String CLUSTER = "bench";
    private static final String APPLIER = "applier";
    private static final String KUBECTL = "kubectl";
    private static final String PROCESS = "sync --once";
    private static final String TUNED = "sync --once, C1 + AppCDS";
    private static final List<String> CONTENDERS = List.of(APPLIER, KUBECTL, PROCESS, TUNED);
    private static final Pattern PASS_MILLIS = Pattern.compile(" in (\\d+) ms");

    @TempDir
    Path dir;

    private final Map<String, Samples> figures = new LinkedHashMap<>();
    private final Samples load = new Samples();
    private Path clusterDir;
    private Path checkout;
    private Path remote;
    private ClusterConfig cluster;

    @Test
    void fullPassAgainstKubectlAndAsAProcessAndTheNoOpPass() throws Exception {
        Map<String, String> files = BenchRepository.files(CLUSTER);
        checkout = BenchRepository.write(dir.resolve("repo"), files);
        clusterDir = checkout.resolve("clusters/" + CLUSTER);
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), files);
        cluster = new ClusterConfig(CLUSTER, "clusters/" + CLUSTER, Optional.empty(), Optional.empty(),
                ClusterConfig.RenderEngine.BUILTIN, false, List.of(), List.of("Namespace"));
        BenchProcess.jar();

        System.out.printf("%nsync benchmark: %d objects (a Namespace; ConfigMaps, Deployments, Services), "
                + "real kube-apiserver, %d rounds%n", BenchRepository.ALL, ROUNDS);
        MachineLoad.awaitQuiet();
        List<Double> warmUps = warmUp();

        for (int round = 1; round <= ROUNDS; round++) {
            List<String> order = new ArrayList<>(CONTENDERS);
            Collections.rotate(order, -(round - 1));
            Map<String, Double> full = new LinkedHashMap<>();
            for (String contender : order) {
                Path roundDir = dir.resolve("round-" + round + "-" + contender.replaceAll("\\W+", "-"));
                try (KubeFixture kube = KubeFixture.start(CLUSTER, roundDir)) {
                    settle();
                    load.add(MachineLoad.oneMinute());
                    full.put(contender, switch (contender) {
                        case APPLIER -> applier(kube);
                        case KUBECTL -> kubectl(kube, roundDir);
                        case PROCESS -> process(kube, roundDir, PROCESS, List.of());
                        default -> process(kube, roundDir, TUNED, tunedFlags());
                    });
                }
            }
            for (String contender : CONTENDERS) {
                if (!contender.equals(KUBECTL)) {
                    sample(contender + " / kubectl", full.get(contender) / full.get(KUBECTL));
                }
            }
            StringBuilder line = new StringBuilder();
            order.forEach(contender -> line.append(line.length() == 0 ? "" : ", ").append(contender).append(' ')
                    .append(Samples.whole(full.get(contender))).append(" ms"));
            System.out.printf("  round %d: %s; load %s%n", round, line, MachineLoad.averages());
        }
        print(warmUps);
    }

    /**
     * Unrecorded full passes in this JVM ({@code -Dbench.warmUps}, default 3; class loading, JIT),
     * each on a server of its own; returns their times, printed as the cold figures. Then the
     * training run of the tuned process: a full {@code sync --once} that writes the AppCDS archive.
     */
    private List<Double> warmUp() throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 1; i <= Integer.getInteger("bench.warmUps", 3); i++) {
            try (KubeFixture kube = KubeFixture.start(CLUSTER, dir.resolve("warm-up-" + i))) {
                settle();
                long start = System.nanoTime();
                RenderResult rendered = ClusterRendering.render(checkout, cluster);
                SyncReport report = kube.applier().sync(rendered.objects(), SyncOptions.apply("warm-up"));
                times.add((System.nanoTime() - start) / 1e6);
                assertThat(report.created()).isEqualTo(BenchRepository.ALL);
            }
        }
        try (KubeFixture kube = KubeFixture.start(CLUSTER, dir.resolve("training"))) {
            Path config = ConfigYaml.forRemote(remote.toUri()).cluster(CLUSTER, kube.kubeconfig())
                    .writeTo(Files.createDirectories(dir.resolve("training")).resolve("burst-gitops.yaml"));
            BenchProcess.Run training = BenchProcess.run(BenchProcess.jarCommand(
                    List.of("-XX:ArchiveClassesAtExit=" + archive()), "sync", "--config", config.toString(), "--once"),
                    dir.resolve("training"), "sync-once");
            assertThat(training.exitCode()).as(training.out() + training.err()).isZero();
            assertThat(archive()).isRegularFile();
        }
        return times;
    }

    private Path archive() {
        return dir.resolve("burst-gitops.jsa");
    }

    /** The tuned process: C1 only ({@code -XX:TieredStopAtLevel=1}) and the AppCDS archive of the training run. */
    private List<String> tunedFlags() {
        return List.of("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + archive());
    }

    /** Render + sync in this JVM: the full pass, then {@value #NO_OP_PASSES} no-op passes; returns the full pass's ms. */
    private double applier(KubeFixture kube) throws Exception {
        Fabric8ClusterApplier applier = kube.applier();
        kube.forgetRequests();
        CpuProfile profile = CpuProfile.enabled() ? CpuProfile.start(dir.resolve("applier-" + System.nanoTime() + ".jfr")) : null;
        Cpu cpu = new Cpu(kube, false);
        long start = System.nanoTime();
        RenderResult rendered = ClusterRendering.render(checkout, cluster);
        long rendering = System.nanoTime() - start;
        SyncReport full = applier.sync(rendered.objects(), SyncOptions.apply("full"));
        double fullMillis = (System.nanoTime() - start) / 1e6;
        cpu.stop("applier full pass", fullMillis);
        if (profile != null) {
            try (profile) {
                System.out.println(profile.report("the applier's full pass"));
            }
        }
        assertThat(rendered.problems()).isEmpty();
        assertThat(full.created()).as(full.summary()).isEqualTo(BenchRepository.ALL);
        assertThat(full.failed()).isZero();
        sample("applier render", rendering / 1e6);
        sample("applier full pass (render + sync)", fullMillis);
        requests("applier full pass", kube);
        // What the inventory costs in etcd: each object's digest, resourceVersion and owned fields.
        sample("inventory ConfigMaps (head and parts), bytes as JSON", kube.kubectl().run("get", "configmap",
                "-l", "burst-gitops/inventory=" + CLUSTER, "-n", KubeFixture.INVENTORY_NAMESPACE, "-o", "json").length());

        for (int i = 0; i < NO_OP_PASSES; i++) {
            kube.forgetRequests();
            long noOpStart = System.nanoTime();
            RenderResult again = ClusterRendering.render(checkout, cluster);
            SyncReport report = applier.sync(again.objects(), SyncOptions.apply("full"));
            sample("applier no-op pass (render + sync)", (System.nanoTime() - noOpStart) / 1e6);
            assertThat(report.unchanged()).as(report.summary()).isEqualTo(BenchRepository.ALL);
            assertThat(controllerWrites(kube)).as("writes of a no-op pass").isEmpty();
            if (i == 0) {
                requests("applier no-op pass", kube);
            }
        }
        afterAPersonsEdits(kube, applier);
        return fullMillis;
    }

    /**
     * A person relabels {@value #EDITED} ConfigMaps with kubectl (a field this controller owns, so
     * drift), then one pass: those objects cost a dry run and an apply each, the rest nothing.
     */
    private void afterAPersonsEdits(KubeFixture kube, Fabric8ClusterApplier applier) throws Exception {
        List<String> command = new ArrayList<>(List.of("label", "configmap", "-n", BenchRepository.NAMESPACE));
        for (int i = 0; i < EDITED; i++) {
            command.add("config-" + i * 3);
        }
        // kubectl wants the objects named before the label.
        command.addAll(List.of("app.kubernetes.io/managed-by=a-person", "--overwrite"));
        kube.kubectl().run(command.toArray(String[]::new));
        kube.forgetRequests();
        long start = System.nanoTime();
        RenderResult rendered = ClusterRendering.render(checkout, cluster);
        SyncReport report = applier.sync(rendered.objects(), SyncOptions.apply("full"));
        sample("applier pass after " + EDITED + " objects edited (render + sync)", (System.nanoTime() - start) / 1e6);
        assertThat(report.configured()).as(report.summary()).isEqualTo(EDITED);
        assertThat(kube.dryRuns()).filteredOn(ApiRequest::byController).hasSize(EDITED);
        requests("applier pass after " + EDITED + " objects edited", kube);
    }

    /** kubectl apply --server-side -R -f on the cluster directory, as a person; returns the process's ms. */
    private double kubectl(KubeFixture kube, Path roundDir) {
        Path kubeconfig = kube.server().writeKubeconfig(roundDir.resolve("kubectl-kubeconfig"), CLUSTER,
                LocalApiServer.PERSON_USER);
        kube.forgetRequests();
        Cpu cpu = new Cpu(kube, true);
        BenchProcess.Run run = BenchProcess.run(List.of(TestPeers.binaries().kubectl().toString(),
                "--kubeconfig", kubeconfig.toString(), "--cache-dir", roundDir.resolve("kubectl-cache").toString(),
                "apply", "--server-side", "-R", "-f", clusterDir.toString()), roundDir, "kubectl");
        cpu.stop("kubectl", run.millis());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(line -> line.endsWith(" serverside-applied")).count())
                .as(run.out()).isEqualTo(BenchRepository.ALL);
        sample("kubectl apply --server-side -R (process)", run.millis());
        requests("kubectl", kube);
        return run.millis();
    }

    /** {@code sync --once} as a process from a fresh checkout, then again (no-op, no write); returns the first's ms. */
    private double process(KubeFixture kube, Path roundDir, String name, List<String> flags) {
        Path config = ConfigYaml.forRemote(remote.toUri()).cluster(CLUSTER, kube.kubeconfig())
                .writeTo(roundDir.resolve("burst-gitops.yaml"));
        kube.forgetRequests();
        Cpu cpu = new Cpu(kube, true);
        BenchProcess.Run first = BenchProcess.run(BenchProcess.jarCommand(flags, "sync", "--config",
                config.toString(), "--once"), roundDir, "sync-once");
        cpu.stop(name + " full pass", first.millis());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).as(first.out()).contains(": " + BenchRepository.ALL + " created, 0 configured, 0 unchanged");
        sample(name + " full pass", first.millis());
        sample("  " + name + ": the pass it reports", passMillis(first.out()));
        requests(name + " full pass", kube);

        kube.forgetRequests();
        BenchProcess.Run again = BenchProcess.run(BenchProcess.jarCommand(flags, "sync", "--config",
                config.toString(), "--once"), roundDir, "sync-once-again");
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains(": 0 created, 0 configured, " + BenchRepository.ALL + " unchanged");
        assertThat(controllerWrites(kube)).as("writes of a no-op sync --once").isEmpty();
        sample(name + " no-op pass", again.millis());
        sample("  " + name + ": the no-op pass it reports", passMillis(again.out()));
        return first.millis();
    }

    private void settle() throws InterruptedException {
        long start = System.nanoTime();
        CpuTimes.awaitPeersIdle();
        Thread.sleep(SETTLE_MILLIS);
        sample("settle before each step, s", (System.nanoTime() - start) / 1e9);
    }

    /**
     * CPU seconds spent during one timed step: by the client (this JVM, or the child process it
     * waited for), by the step's API server and by the shared etcd.
     */
    private final class Cpu {
        private final boolean child;
        private final long apiServer;
        private final long etcd;
        private final double client;
        private final double server;
        private final double store;
        private final long jit;
        private final long gc;

        Cpu(KubeFixture kube, boolean child) {
            this.child = child;
            this.apiServer = CpuTimes.apiServer(kube.server().url().getPort());
            this.etcd = CpuTimes.etcd();
            this.client = clientSeconds();
            this.server = CpuTimes.own(apiServer);
            this.store = CpuTimes.own(etcd);
            this.jit = jitMillis();
            this.gc = gcMillis();
        }

        private static long jitMillis() {
            return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }

        private double clientSeconds() {
            return child ? CpuTimes.reapedChildren(CpuTimes.self()) : CpuTimes.own(CpuTimes.self());
        }

        void stop(String what, double wallMillis) {
            double clientCpu = clientSeconds() - client;
            double serverCpu = CpuTimes.own(apiServer) - server;
            double storeCpu = CpuTimes.own(etcd) - store;
            sample("cpu s: " + what + ": client", clientCpu);
            sample("cpu s: " + what + ": kube-apiserver", serverCpu);
            sample("cpu s: " + what + ": etcd", storeCpu);
            sample("cpu s: " + what + ": cores busy", (clientCpu + serverCpu + storeCpu) / (wallMillis / 1000));
            if (!child) {
                sample("cpu s: " + what + ": of the client's, JIT compiling", (jitMillis() - jit) / 1000.0);
                sample("cpu s: " + what + ": of the client's, GC pauses (wall)", (gcMillis() - gc) / 1000.0);
            }
        }
    }

    private static double passMillis(String out) {
        Matcher matcher = PASS_MILLIS.matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static List<ApiRequest> controllerWrites(KubeFixture kube) {
        return kube.writes().stream().filter(ApiRequest::byController).toList();
    }

    /** Requests and writes of the last step, from the server's audit log (the same in every round; kept once). */
    private void requests(String what, KubeFixture kube) {
        List<ApiRequest> requests = kube.requests();
        figures.computeIfAbsent("requests: " + what + " (writes)", key -> new Samples());
        Samples samples = figures.get("requests: " + what + " (writes)");
        if (samples.size() == 0) {
            samples.add(requests.size());
            samples.add(requests.stream().filter(ApiRequest::isWrite).count());
        }
    }

    private void sample(String what, double value) {
        figures.computeIfAbsent(what, key -> new Samples()).add(value);
    }

    private void print(List<Double> warmUps) {
        System.out.printf("%n  %-46s %s%n", "figure (ms unless said)", "median, worst (every reading)");
        warmUps.forEach(ms -> System.out.printf("  %-46s %s%n", "applier warm-up full pass (not counted)", Samples.whole(ms)));
        figures.forEach((what, samples) -> {
            if (what.startsWith("requests: ")) {
                System.out.printf("  %-46s %s (%s)%n", what, Samples.whole(samples.all().get(0)),
                        Samples.whole(samples.all().get(1)));
            } else if (what.startsWith("cpu s: ") || what.contains(" / ") || what.endsWith(", s")) {
                System.out.printf("  %-46s median %.2f, worst %.2f (%s)%n", what, samples.median(), samples.worst(),
                        samples.all().stream().map(v -> String.format("%.2f", v)).reduce((a, b) -> a + " " + b).orElse(""));
            } else {
                System.out.printf("  %-46s %s%n", what, samples.describe());
            }
        });
        double kubectl = figures.get("kubectl apply --server-side -R (process)").median();
        System.out.printf("  %-46s %.2f (goal <= 0.5)%n", "applier / kubectl, medians",
                figures.get("applier full pass (render + sync)").median() / kubectl);
        System.out.printf("  %-46s %.2f (goal <= 1.0)%n", PROCESS + " / kubectl, medians",
                figures.get(PROCESS + " full pass").median() / kubectl);
        System.out.printf("  %-46s %.2f%n", TUNED + " / kubectl, medians", figures.get(TUNED + " full pass").median() / kubectl);
        System.out.printf("  %-46s min %.2f, median %.2f, max %.2f; now %s%n", "1-minute load average at each step",
                load.all().stream().mapToDouble(Double::doubleValue).min().orElse(0), load.median(), load.worst(),
                MachineLoad.averages());
    }
}
