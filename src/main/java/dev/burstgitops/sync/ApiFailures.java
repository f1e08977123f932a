package dev.burstgitops.sync;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * How a Kubernetes API failure that refused a pass as a whole reads in its summary: the status
 * code and the server's message ({@link ApiErrors} words the failures of single objects).
 */
public final class ApiFailures {

    private ApiFailures() {
    }

    public static String describe(KubernetesClientException e) {
        String message = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage() : e.getMessage();
        return (e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "") + message;
    }
}
