package dev.burstgitops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.controller.ClusterRendering;
import dev.burstgitops.manifest.RenderResult;
import dev.burstgitops.sync.Fabric8ClusterApplier;
import dev.burstgitops.sync.SyncOptions;
import dev.burstgitops.sync.SyncReport;
import dev.burstgitops.testing.KubeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times a sync pass over a cluster directory of 1,000 objects against the in-memory API
 * server: render + first (full) pass, then no-op passes. Not part of the suite (tag
 * "benchmark"); run it with bin/benchmark and record the figures in docs/benchmarks.md.
 * It asserts only that the passes did what they claim, never how long they took.
 */
@Tag("benchmark")
class SyncBenchmarkTest {

    private static final int OBJECTS = 1000;
    private static final int NO_OP_PASSES = 7;

    @TempDir
    Path dir;

    @Test
    void syncPassOverOneThousandObjects() throws Exception {
        Path repo = writeRepository();
        ClusterConfig cluster = new ClusterConfig("bench", "clusters/bench", Optional.empty(), Optional.empty(),
                ClusterConfig.RenderEngine.BUILTIN, false, List.of(), List.of("Namespace"));
        try (KubeFixture kube = KubeFixture.start("bench", dir)) {
            Fabric8ClusterApplier applier = kube.applier();
            long renderStart = System.nanoTime();
            RenderResult rendered = ClusterRendering.render(repo, cluster);
            long renderNanos = System.nanoTime() - renderStart;
            assertThat(rendered.problems()).isEmpty();
            assertThat(rendered.objects()).hasSize(OBJECTS + 1);

            long fullStart = System.nanoTime();
            SyncReport full = applier.sync(rendered.objects(), SyncOptions.apply("bench"));
            long fullNanos = System.nanoTime() - fullStart;
            assertThat(full.created()).isEqualTo(OBJECTS + 1);

            List<Long> noOp = new ArrayList<>();
            for (int i = 0; i < NO_OP_PASSES; i++) {
                kube.forgetRequests();
                long start = System.nanoTime();
                RenderResult again = ClusterRendering.render(repo, cluster);
                SyncReport report = applier.sync(again.objects(), SyncOptions.apply("bench"));
                noOp.add(System.nanoTime() - start);
                assertThat(report.unchanged()).isEqualTo(OBJECTS + 1);
                assertThat(kube.writes()).isEmpty();
            }
            Collections.sort(noOp);
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("%nsync benchmark: %d objects (ConfigMaps + Deployments + Services) in one namespace%n",
                    OBJECTS + 1);
            System.out.printf("  render                   %6d ms%n", renderNanos / 1_000_000);
            System.out.printf("  full pass (all created)  %6d ms%n", fullNanos / 1_000_000);
            System.out.printf("  no-op pass, render+sync  median %d ms, worst %d ms over %d passes%n",
                    noOp.get(noOp.size() / 2) / 1_000_000, noOp.get(noOp.size() - 1) / 1_000_000, NO_OP_PASSES);
            System.out.printf("  heap used after          %6d MiB%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        }
    }

    /** 1,000 objects in 100 files: ConfigMaps, Deployments and Services, as a team's apps would be. */
    private Path writeRepository() throws Exception {
        Path repo = dir.resolve("repo");
        Path apps = Files.createDirectories(repo.resolve("clusters/bench"));
        Files.writeString(apps.resolve("namespace.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bench\n");
        for (int file = 0; file < 100; file++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                int n = file * 10 + i;
                text.append(switch (n % 3) {
                    case 0 -> configMap(n);
                    case 1 -> deployment(n);
                    default -> service(n);
                });
            }
            Files.writeString(apps.resolve("app-" + file + ".yaml"), text);
        }
        return repo;
    }

    private static String configMap(int n) {
        return "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-" + n + "\n  namespace: bench\n"
                + "data:\n  key: value-" + n + "\n  other: \"" + "x".repeat(64) + "\"\n";
    }

    private static String deployment(int n) {
        return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-" + n + "\n  namespace: bench\n"
                + "spec:\n  replicas: 1\n  selector:\n    matchLabels: {app: app-" + n + "}\n  template:\n"
                + "    metadata:\n      labels: {app: app-" + n + "}\n    spec:\n      containers:\n"
                + "        - name: app\n          image: registry.example.com/app:1.0." + n + "\n"
                + "          ports: [{containerPort: 8080}]\n"
                + "          resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {cpu: 100m, memory: 64Mi}}\n";
    }

    private static String service(int n) {
        return "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-" + n + "\n  namespace: bench\n"
                + "spec:\n  selector: {app: app-" + n + "}\n  ports: [{name: http, port: 80, targetPort: 8080}]\n";
    }
}
