package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A cluster's identity: the UID of its {@code kube-system} Namespace, made once when the cluster
 * was created and never changed or reused. The kubeconfig's server address is not one: a copied
 * kubeconfig, a context switch or a DNS change points the same address at another cluster.
 */
final class ClusterIdentity {

    private ClusterIdentity() {
    }

    /** The identity, or an exception saying why it cannot be read (then nothing may be written). */
    static String of(KubernetesClient client, String cluster) {
        Namespace kubeSystem = client.namespaces().withName("kube-system").get();
        if (kubeSystem == null || kubeSystem.getMetadata().getUid() == null) {
            throw new OwnershipException("cluster " + cluster + " has no kube-system Namespace to know it by;"
                    + " nothing was applied or pruned");
        }
        return kubeSystem.getMetadata().getUid();
    }
}
