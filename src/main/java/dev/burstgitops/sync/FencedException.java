package dev.burstgitops.sync;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** A pass stopped before a write because this replica no longer holds the lease; nothing more was written. */
public final class FencedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String STOPPED = "this replica no longer leads; the pass stopped before its next write";

    public FencedException() {
        super(STOPPED);
    }

    /**
     * A request refused or cut off once the fence had fallen: a 409 because the new leader wrote the
     * object since, or a timeout across the pause that cost the lease. The lost lease, not the object
     * or the cluster, ended the pass; what the server or the client said follows, as a detail.
     */
    public FencedException(KubernetesClientException cause) {
        super(STOPPED + " (a request in flight as the lease ran out: " + ApiErrors.describe(cause) + ")", cause);
    }
}
