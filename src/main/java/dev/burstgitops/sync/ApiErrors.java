package dev.burstgitops.sync;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Reads fabric8 exceptions: did the server answer at all, and what did it say. */
final class ApiErrors {

    private ApiErrors() {
    }

    /** No HTTP answer: refused, timed out, TLS. The cluster, not one object, is the problem. */
    static boolean isUnreachable(KubernetesClientException e) {
        return e.getCode() <= 0;
    }

    /** The server's own message, with the status code ("HTTP 422: Deployment.apps \"x\" is invalid: ..."). */
    static String describe(KubernetesClientException e) {
        if (e.getCode() > 0 && e.getStatus() != null && e.getStatus().getMessage() != null) {
            return "HTTP " + e.getCode() + ": " + e.getStatus().getMessage();
        }
        if (e.getCode() > 0) {
            return "HTTP " + e.getCode() + ": " + e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // fabric8 wraps transport failures as "An error has occurred."; the cause says what happened.
        return root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
