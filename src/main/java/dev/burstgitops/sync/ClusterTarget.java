package dev.burstgitops.sync;

import dev.burstgitops.manifest.ReservedObject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one cluster's API server is, how patiently to talk to it, and which installation's
 * objects go there.
 *
 * @param name               the cluster's name in the configuration ("primary"); goes into labels
 * @param kubeconfig         {@value #IN_CLUSTER} for the pod's service account, else a kubeconfig file path
 * @param context            the kubeconfig context to use; null or empty for its current context
 * @param inventoryNamespace where the inventory ConfigMap lives
 * @param connectTimeout     TCP connect timeout; short, so an unreachable cluster fails the pass fast
 * @param requestTimeout     time for one request
 * @param retries            retries of a failed request inside one call; 0 leaves retrying to the loop
 * @param installation       whose objects go there: recorded in the inventory and in every object's labels
 * @param confirmedIdentity  the identity ({@code kube-system} UID) a person confirmed with
 *                           {@code sync.adoptCluster}: synced even when it is not the one synced before
 */
public record ClusterTarget(
        String name,
        String kubeconfig,
        String context,
        String inventoryNamespace,
        Duration connectTimeout,
        Duration requestTimeout,
        int retries,
        Installation installation,
        Optional<String> confirmedIdentity) {

    public static final String IN_CLUSTER = "in-cluster";

    public ClusterTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(inventoryNamespace, "inventoryNamespace");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        context = context == null ? "" : context;
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(confirmedIdentity, "confirmedIdentity");
    }

    /** A target with the defaults: 2 s to connect, 10 s per request, no retries inside a pass. */
    public static ClusterTarget of(String name, String kubeconfig, String context, String inventoryNamespace) {
        return new ClusterTarget(name, kubeconfig, context, inventoryNamespace, Duration.ofSeconds(2),
                Duration.ofSeconds(10), 0, Installation.unnamed(name), Optional.empty());
    }

    public ClusterTarget withRequestTimeout(Duration newRequestTimeout) {
        return withTimeouts(connectTimeout, newRequestTimeout);
    }

    public ClusterTarget withTimeouts(Duration newConnectTimeout, Duration newRequestTimeout) {
        return new ClusterTarget(name, kubeconfig, context, inventoryNamespace, newConnectTimeout, newRequestTimeout,
                retries, installation, confirmedIdentity);
    }

    /** This target for {@code owner}, syncing a cluster a person confirmed with {@code confirmed}, if any. */
    public ClusterTarget withOwnership(Installation owner, Optional<String> confirmed) {
        return new ClusterTarget(name, kubeconfig, context, inventoryNamespace, connectTimeout, requestTimeout,
                retries, owner, confirmed);
    }

    /** The ConfigMap that keeps the inventory of cluster {@code cluster}, in {@link #inventoryNamespace()}. */
    public static String inventoryName(String cluster) {
        return ReservedObject.inventoryName(cluster);
    }

    public boolean inCluster() {
        return IN_CLUSTER.equals(kubeconfig);
    }
}
