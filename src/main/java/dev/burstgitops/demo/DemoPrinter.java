package dev.burstgitops.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.record.DecisionRecord;
import dev.burstgitops.decision.DurationText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the demo for a person (a timeline with a line every five seconds and one per event)
 * or, with {@code --json}, for a program (one JSON object per line, the summary last).
 * Called from several threads; every write is whole and flushed at once.
 */
final class DemoPrinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;

    DemoPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Before the peers start: two API servers take seconds to come up, and silence looks like a hang. */
    synchronized void starting(PeerBinaries kubernetes) {
        if (!json) {
            out.printf("burst-gitops demo: starting etcd, two kube-apiservers v%s and Prometheus on 127.0.0.1 ...%n",
                    kubernetes.kubernetesVersion());
            out.flush();
        }
    }

    synchronized void introduction(DemoEnvironment env, DemoOptions options, Path prometheusBinary) {
        DemoScenario scenario = options.scenario();
        PolicyTimings timings = scenario.timings();
        if (json) {
            Map<String, Object> setup = new LinkedHashMap<>();
            setup.put("event", "setup");
            setup.put("primaryApiServer", env.primary.url().toString());
            setup.put("burstApiServer", env.burst.url().toString());
            setup.put("etcd", env.etcd.url().toString());
            setup.put("apiServers", "real kube-apiserver v" + env.kubernetes.kubernetesVersion()
                    + " on a real etcd; no nodes, kubelets or controllers");
            setup.put("repository", env.fleet.toString());
            setup.put("prometheus", env.prometheus.url().toString());
            setup.put("trafficMetrics", "http://" + env.traffic.target() + "/metrics");
            setup.put("durationMs", options.duration().toMillis());
            setup.put("burstWorkerAvailableAfterMs", options.scenario().burstWorkerAvailableAfter().toMillis());
            writeJson(setup);
            return;
        }
        String phases = scenario.phases().stream().map(ScenarioPhase::describe).collect(Collectors.joining(", "));
        out.printf("burst-gitops demo: the whole loop on 127.0.0.1 for %s (Ctrl-C stops it early)%n%n",
                DurationText.format(options.duration()));
        String version = env.kubernetes.kubernetesVersion();
        out.printf("  primary cluster  %-28s the real kube-apiserver v%s, storing in etcd under /primary%n",
                env.primary.url(), version);
        out.printf("  burst cluster    %-28s the real kube-apiserver v%s, storing in etcd under /burst%n",
                env.burst.url(), version);
        out.printf("  etcd             %-28s the real etcd; no nodes, kubelets or controllers: nothing runs%n",
                env.etcd.url());
        out.printf("  Git repository   %s  (this project's apps/ and clusters/)%n", env.fleet);
        out.printf("  Prometheus       %-28s the real server (%s), scraping the traffic every %s%n",
                env.prometheus.url(), prometheusBinary, DurationText.format(LocalPrometheus.SCRAPE_INTERVAL));
        out.printf("  traffic          %-28s frontend -> worker requests, routed by the VirtualService%n",
                "http://" + env.traffic.target() + "/metrics");
        out.printf("                   %-28s weights read live from the primary API server%n", "");
        out.printf("  policy worker    burst above 15 req/s (for %s), natural below 10 req/s for %s, cooldown %s%n",
                DurationText.format(timings.enterFor()), DurationText.format(timings.exitFor()),
                DurationText.format(timings.cooldown()));
        out.printf("                   on %s%n", options.query());
        out.printf("                   burst only once Deployment default/worker-deployment in burst has 1 available"
                + " replica (burstReadiness)%n");
        out.printf("  kubelet          a stand-in: marks the burst worker available %s after the sync creates it%n",
                DurationText.format(options.scenario().burstWorkerAvailableAfter()));
        out.printf("  scenario         %s%n%n", phases);
        out.printf("  While it runs:   %s --kubeconfig %s get virtualservice worker-virtual-service -o yaml%n",
                env.kubernetes.kubectl(), env.kubeconfig("primary"));
        out.printf("                   git -C %s log --oneline%n%n", env.fleet);
        out.flush();
    }

    synchronized void event(DemoEvent event) {
        if (json) {
            writeJson(event.asJson());
        } else {
            out.println(event.line());
            out.flush();
        }
    }

    synchronized void history(List<DecisionRecord> records) {
        if (json) {
            for (DecisionRecord record : records) {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("event", "decision");
                object.putAll(record.asMap());
                writeJson(object);
            }
            return;
        }
        out.printf("%nDecision history, read back from the Git trailers (burst-gitops history):%n");
        if (records.isEmpty()) {
            out.println("  (no decision commits: the mode never changed)");
        }
        records.forEach(record -> out.println("  " + record.line()));
        out.flush();
    }

    synchronized void summary(DemoSummary summary, DemoOptions options, Path workDir) {
        if (json) {
            writeJson(summary.asJson());
            return;
        }
        out.printf("%nMeasured%s:%n", summary.interrupted() ? " (stopped early)" : "");
        out.printf("  rate passed 15 req/s in Prometheus -> burst commit pushed:   %s%n",
                summary.crossingToBurstCommit().describe());
        out.printf("  rate fell below 10 req/s -> natural commit (incl. exitFor):  %s%n",
                summary.fallToNaturalCommit().describe());
        out.printf("  decision commit pushed -> weights in primary's API server:   %s%n",
                summary.commitToApplied().describe());
        out.printf("  requests served: primary %d, burst %d; results: %d plain, %d bursty-%n",
                summary.requestsByCluster().get("primary"), summary.requestsByCluster().get("burst"),
                summary.resultsByPrefix().getOrDefault("", 0L), summary.resultsByPrefix().getOrDefault("bursty-", 0L));
        out.printf("  weights in primary at the end: %s%n",
                summary.finalWeights().map(RouteWeights::toString).orElse("(no VirtualService)"));
        if (options.keep().isPresent()) {
            keptHint(workDir);
        } else {
            out.printf("%nEverything was stopped and removed. Keep the repository with --keep DIR.%n");
        }
        out.flush();
    }

    private void keptHint(Path dir) {
        out.printf("%nKept in %s:%n", dir);
        out.printf("  git -C %s log --stat                     every decision, with its trailers%n",
                dir.resolve("fleet.git"));
        out.printf("  bin/burst-gitops history --config %s%n", dir.resolve(DemoConfigFile.FILE_NAME));
        out.printf("  %s/{primary,burst}/kube-apiserver.log, audit.log and %s/etcd.log: the peers' logs%n",
                dir.resolve(DemoEnvironment.API_SERVERS), dir.resolve(DemoEnvironment.ETCD));
        out.printf("  %s/{primary,burst}: kubeconfigs of the two API servers. Those servers stopped with%n",
                dir.resolve(DemoEnvironment.KUBECONFIGS));
        out.printf("  the demo, so kubectl works with them only while it runs: start it with a longer --duration%n");
        out.printf("  and use kubectl from a second terminal.%n");
    }

    private void writeJson(Map<String, Object> object) {
        try {
            out.println(JSON.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a demo event that cannot be JSON: " + object.keySet(), e);
        }
        out.flush();
    }
}
