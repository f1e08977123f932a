package dev.burstgitops.demo;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>A stand-in for the kubelet and the Deployment controller</b>, which the demo's API servers
 * run without: nothing would ever mark a Deployment's replicas available. Once the sync loop has
 * created the burst worker, and {@code availableAfter} has passed (the time real pods would take
 * to be scheduled, pull and pass their readiness probe), it writes {@code status.availableReplicas}
 * through the status subresource, as they would. The controller's readiness gate reads that
 * status like any other client; only the demo ships this class.
 */
final class KubeletStandIn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KubeletStandIn.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KubernetesClient cluster;
    private final String namespace;
    private final String deployment;
    private final Duration availableAfter;
    private final Clock clock;
    private final Consumer<String> report;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-kubelet-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private Instant created;
    private boolean available;

    /** @param report told, in a sentence, when it marks the workload available */
    KubeletStandIn(KubernetesClient cluster, String namespace, String deployment, Duration availableAfter, Clock clock,
                   Consumer<String> report) {
        this.cluster = cluster;
        this.namespace = namespace;
        this.deployment = deployment;
        this.availableAfter = availableAfter;
        this.clock = clock;
        this.report = report;
    }

    void start() {
        poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        if (available) {
            return;
        }
        try {
            Deployment live = cluster.apps().deployments().inNamespace(namespace).withName(deployment).get();
            if (live == null) {
                return;
            }
            Instant now = clock.instant();
            if (created == null) {
                created = now;
            }
            if (Duration.between(created, now).compareTo(availableAfter) < 0) {
                return;
            }
            int replicas = live.getSpec().getReplicas() == null ? 1 : live.getSpec().getReplicas();
            cluster.apps().deployments().inNamespace(namespace).withName(deployment).editStatus(current ->
                    new DeploymentBuilder(current).editOrNewStatus().withObservedGeneration(
                                    current.getMetadata().getGeneration())
                            .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(replicas)
                            .withAvailableReplicas(replicas).endStatus().build());
            available = true;
            report.accept("kubelet stand-in: " + deployment + " in burst now has " + replicas + " available replica"
                    + (replicas == 1 ? "" : "s"));
        } catch (KubernetesClientException e) {
            // The next poll tries again; the demo's timeline shows the gate waiting meanwhile.
            LOG.debug("kubelet stand-in: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
