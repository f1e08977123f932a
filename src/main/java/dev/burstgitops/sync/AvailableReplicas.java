package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.OptionalInt;

/**
 * Reads how many replicas of a Deployment or StatefulSet are available, from the status its
 * controller (and, through the pods, the kubelet) keeps: one GET, nothing written.
 */
public final class AvailableReplicas {

    private AvailableReplicas() {
    }

    /**
     * @return the available replicas, or empty when the workload does not exist
     * @throws ClusterUnreachableException when the API server did not answer
     * @throws KubernetesClientException   when it answered with an error (403: the controller may not read it)
     */
    public static OptionalInt of(KubernetesClient client, String cluster, String kind, String namespace, String name)
            throws ClusterUnreachableException {
        try {
            Integer available;
            if ("Deployment".equals(kind)) {
                Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
                if (deployment == null) {
                    return OptionalInt.empty();
                }
                available = deployment.getStatus() == null ? null : deployment.getStatus().getAvailableReplicas();
            } else if ("StatefulSet".equals(kind)) {
                StatefulSet set = client.apps().statefulSets().inNamespace(namespace).withName(name).get();
                if (set == null) {
                    return OptionalInt.empty();
                }
                available = set.getStatus() == null ? null : set.getStatus().getAvailableReplicas();
            } else {
                throw new IllegalArgumentException("not a workload with available replicas: " + kind);
            }
            // The status leaves the field out while nothing is available.
            return OptionalInt.of(available == null ? 0 : available);
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw new ClusterUnreachableException(cluster, ApiErrors.describe(e), e);
            }
            throw new KubernetesClientException(ApiErrors.describe(e), e.getCode(), e.getStatus());
        }
    }
}
