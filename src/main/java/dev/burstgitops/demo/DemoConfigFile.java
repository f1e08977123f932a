package dev.burstgitops.demo;

import dev.burstgitops.decision.DurationText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@code burst-gitops.yaml} the demo's controller runs on: the reference policy with
 * demo-sized timings, the local repository, the local Prometheus, and the two local API servers.
 * It is an ordinary configuration file, loaded by {@code ConfigLoader}, so {@code --keep} leaves
 * one a person can read and run other commands with.
 */
public final class DemoConfigFile {

    /**
     * The burst rule's query of the reference setup (apps/burst-gitops/configmap.yaml): requests
     * per second the frontend's proxy sends to the worker, whichever cluster serves them.
     */
    public static final String WORKER_QUERY = "sum(rate(istio_requests_total{reporter=\"source\","
            + "source_workload=\"frontend-deployment\","
            + "destination_service=\"worker-service.default.svc.cluster.local\"}[1m]))";
    public static final double ENTER_ABOVE = 15;
    public static final double EXIT_BELOW = 10;
    public static final String FILE_NAME = "burst-gitops.yaml";

    private DemoConfigFile() {
    }

    /**
     * @param query       the worker policy's PromQL ({@link #WORKER_QUERY} unless a test measures another)
     * @param kubeconfigs directory holding {@code primary} and {@code burst}, relative to {@code dir}
     */
    public static Path write(Path dir, Path fleet, URI prometheus, String query, PolicyTimings timings,
                             String kubeconfigs) {
        String yaml = """
                # Written by `burst-gitops demo`; relative paths are taken from this file's directory.
                git:
                  url: %1$s
                  branch: main
                  checkoutDir: checkout
                  author: { name: burst-gitops, email: burst-gitops@demo.invalid }
                  pollInterval: 2s
                prometheus:
                  url: %2$s
                  timeout: 2s
                  scrapeInterval: %8$s
                policies:
                  - name: worker
                    query: '%3$s'
                    interval: 1s
                    enterAbove: 15
                    exitBelow: 10
                    enterFor: %4$s
                    exitFor: %5$s
                    cooldown: %6$s
                    onMissingData: hold
                    burstReadiness:
                      cluster: burst
                      workload: Deployment/default/worker-deployment
                      minAvailable: 1
                      fallbackAfter: 30s
                    virtualService:
                      file: apps/istio/worker-virtualservice.yaml
                      name: worker-virtual-service
                clusters:
                  - name: primary
                    path: clusters/primary
                    kubeconfig: %7$s/primary
                    context: primary
                    allowedNamespaces: [default, istio-system, burst-gitops]
                    allowedClusterScopedKinds: [Namespace, ClusterRole, ClusterRoleBinding, PriorityClass]
                  - name: burst
                    path: clusters/burst
                    kubeconfig: %7$s/burst
                    context: burst
                    allowedNamespaces: [default]
                sync:
                  interval: 30s
                """;
        String text = yaml.formatted(fleet.toUri(), prometheus, query,
                DurationText.format(timings.enterFor()), DurationText.format(timings.exitFor()),
                DurationText.format(timings.cooldown()), kubeconfigs,
                DurationText.format(LocalPrometheus.SCRAPE_INTERVAL));
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
