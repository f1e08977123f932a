package dev.burstgitops.policy;

import dev.burstgitops.config.BurstReadinessConfig;
import dev.burstgitops.sync.AvailableReplicas;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.ClusterUnreachableException;
import dev.burstgitops.sync.KubernetesClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Reads a policy's {@code burstReadiness} workload in the burst cluster, for the gate. Every
 * failure to read is "not ready", with the reason: burst weights are committed only on a
 * positive reading. The client is made on first use and kept.
 */
public final class BurstReadinessProbe implements AutoCloseable {

    /** A reading must not hold the burst loop long: the next poll reads again. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** One reading: whether the workload has enough available replicas, and what was seen. */
    public record Reading(boolean ready, String detail) {
    }

    private final BurstReadinessConfig gate;
    private final ClusterTarget target;
    private KubernetesClient client;

    public BurstReadinessProbe(BurstReadinessConfig gate, ClusterTarget target) {
        this.gate = gate;
        this.target = target.withTimeouts(CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public synchronized Reading read() {
        BurstReadinessConfig.Workload workload = gate.workload();
        String what = workload.kind() + " " + workload.namespace() + "/" + workload.name() + " in cluster "
                + gate.cluster();
        try {
            OptionalInt available = AvailableReplicas.of(client(), gate.cluster(), workload.kind(),
                    workload.namespace(), workload.name());
            if (available.isEmpty()) {
                return new Reading(false, what + " does not exist");
            }
            boolean ready = available.getAsInt() >= gate.minAvailable();
            return new Reading(ready, what + " has " + available.getAsInt() + " of " + gate.minAvailable()
                    + " replica" + (gate.minAvailable() == 1 ? "" : "s") + " available");
        } catch (ClusterUnreachableException e) {
            return new Reading(false, e.getMessage());
        } catch (KubernetesClientException e) {
            return new Reading(false, "cannot read " + what + ": " + e.getMessage());
        } catch (IOException e) {
            return new Reading(false, e.getMessage());
        }
    }

    private KubernetesClient client() throws IOException {
        if (client == null) {
            client = KubernetesClients.connect(target);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
