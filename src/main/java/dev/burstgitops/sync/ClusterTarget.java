package dev.burstgitops.sync;

import dev.burstgitops.manifest.ReservedObject;
import java.time.Duration;
import java.util.Objects;

/**
 * Where one cluster's API server is and how patiently to talk to it.
 *
 * @param name               the cluster's name in the configuration ("primary"); goes into labels
 * @param kubeconfig         {@value #IN_CLUSTER} for the pod's service account, else a kubeconfig file path
 * @param context            the kubeconfig context to use; null or empty for its current context
 * @param inventoryNamespace where the inventory ConfigMap lives
 * @param connectTimeout     TCP connect timeout; short, so an unreachable cluster fails the pass fast
 * @param requestTimeout     time for one request
 * @param retries            retries of a failed request inside one call; 0 leaves retrying to the loop
 */
public record ClusterTarget(
        String name,
        String kubeconfig,
        String context,
        String inventoryNamespace,
        Duration connectTimeout,
        Duration requestTimeout,
        int retries) {

    public static final String IN_CLUSTER = "in-cluster";

    public ClusterTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(inventoryNamespace, "inventoryNamespace");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        context = context == null ? "" : context;
    }

    /** A target with the defaults: 2 s to connect, 10 s per request, no retries inside a pass. */
    public static ClusterTarget of(String name, String kubeconfig, String context, String inventoryNamespace) {
        return new ClusterTarget(name, kubeconfig, context, inventoryNamespace, Duration.ofSeconds(2),
                Duration.ofSeconds(10), 0);
    }

    public ClusterTarget withRequestTimeout(Duration newRequestTimeout) {
        return withTimeouts(connectTimeout, newRequestTimeout);
    }

    public ClusterTarget withTimeouts(Duration newConnectTimeout, Duration newRequestTimeout) {
        return new ClusterTarget(name, kubeconfig, context, inventoryNamespace, newConnectTimeout, newRequestTimeout,
                retries);
    }

    /** The ConfigMap that keeps the inventory of cluster {@code cluster}, in {@link #inventoryNamespace()}. */
    public static String inventoryName(String cluster) {
        return ReservedObject.inventoryName(cluster);
    }

    public boolean inCluster() {
        return IN_CLUSTER.equals(kubeconfig);
    }
}
