package dev.burstgitops.sync;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the one fabric8 client a cluster gets, from the pod's service account or from a
 * kubeconfig file and context. The kubeconfig's contents are read here and handed to fabric8,
 * never logged nor put in a message: only its path is.
 */
public final class KubernetesClients {

    private KubernetesClients() {
    }

    public static KubernetesClient connect(ClusterTarget target) throws IOException {
        Config base = target.inCluster() ? inClusterConfig() : kubeconfigFile(target);
        Config config = new ConfigBuilder(base)
                .withConnectionTimeout(millis(target.connectTimeout().toMillis()))
                .withRequestTimeout(millis(target.requestTimeout().toMillis()))
                .withRequestRetryBackoffLimit(target.retries())
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static Config inClusterConfig() {
        // fabric8's auto-configuration: in a pod without a kubeconfig that is the service account
        // token and CA the kubelet mounts, re-read when the token rotates.
        return Config.autoConfigure(null);
    }

    private static Config kubeconfigFile(ClusterTarget target) throws IOException {
        Path path = Path.of(target.kubeconfig());
        if (!Files.isReadable(path)) {
            throw new IOException("cluster " + target.name() + ": kubeconfig " + path + " is not a readable file");
        }
        String contents = Files.readString(path);
        String context = target.context().isEmpty() ? null : target.context();
        try {
            return Config.fromKubeconfig(context, contents, path.toString());
        } catch (RuntimeException e) {
            // fabric8's message may quote the file; keep only what cannot carry a secret.
            throw new IOException("cluster " + target.name() + ": cannot use kubeconfig " + path
                    + (context == null ? "" : " context " + context) + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static int millis(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
