package dev.burstgitops.sync;

/**
 * A pass could not talk to the cluster's API server at all (connection refused, timed out, TLS
 * failure). The whole pass stops: nothing after the failed request was applied or pruned. The
 * message names the cluster and the cause, never credentials.
 */
public class ClusterUnreachableException extends Exception {

    private final String cluster;

    public ClusterUnreachableException(String cluster, String message, Throwable cause) {
        super("cluster " + cluster + " unreachable: " + message, cause);
        this.cluster = cluster;
    }

    public String cluster() {
        return cluster;
    }
}
