package dev.burstgitops.controller;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** How a Kubernetes API failure reads in a pass summary: the status code and the server's message. */
final class ApiFailures {

    private ApiFailures() {
    }

    static String describe(KubernetesClientException e) {
        String message = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage() : e.getMessage();
        return (e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "") + message;
    }
}
