package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.gitops.PublishRetry;
import dev.burstgitops.metrics.MetricsHistory;
import dev.burstgitops.metrics.MetricsSource;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A burst loop over a real bare remote seeded with the reference worker VirtualService, with
 * a rate the test sets. The metric is a plain value here because these tests are about Git
 * and the decision; the Prometheus client has its own tests against the real server.
 */
final class BurstLoopFixture {

    static final String VS_FILE = "apps/istio/worker-virtualservice.yaml";
    static final Instant START = Instant.parse("2026-11-26T06:00:00Z");

    final Path remote;
    final MutableClock clock = new MutableClock(START);
    final AtomicReference<Double> rate = new AtomicReference<>(5.0);
    final BurstGitopsConfig config;
    final JGitWorkspace workspace;
    final BurstLoop loop;
    /** The backoffs a rejected push would have slept: recorded, never slept. */
    final List<Duration> slept = new CopyOnWriteArrayList<>();

    BurstLoopFixture(Path dir, String policyExtras) throws Exception {
        this(dir, policyExtras, Optional.empty());
    }

    /** @param history where the first pass restores its streak from; empty: it starts without one */
    BurstLoopFixture(Path dir, String policyExtras, Optional<MetricsHistory> history) throws Exception {
        remote = GitRemotes.createBare(dir.resolve("fleet.git"),
                Map.of(VS_FILE, Files.readString(Path.of(VS_FILE))));
        Path configFile = ConfigYaml.forRemote(remote.toUri()).prometheus("http://127.0.0.1:9")
                .workerPolicy("worker_rate", policyExtras.isBlank() ? new String[0] : policyExtras.split("\n"))
                .writeTo(dir.resolve("burst-gitops.yaml"));
        config = ConfigLoader.load(configFile);
        MetricsSource metrics = promql -> new Sample(rate.get(), clock.instant(), 1);
        workspace = Adapters.workspace(config, clock);
        loop = BurstLoop.create(config, metrics, history, workspace, clock, retry(), false);
    }

    /** The production retries, waited out by recording the wait. */
    PublishRetry retry() {
        return PublishRetry.defaults().sleepingWith(slept::add);
    }

    PassResult pass() throws Exception {
        return loop.passes().get(0).run();
    }

    String remoteFile(String path) {
        return GitRemotes.show(remote, path);
    }

    static String override(String mode, Instant until, String reason) {
        return "policy: worker\nmode: " + mode + "\nuntil: " + until + "\nreason: " + reason + "\n";
    }

    void close() throws IOException {
        workspace.close();
    }
}
