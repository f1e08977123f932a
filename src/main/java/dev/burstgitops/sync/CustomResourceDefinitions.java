package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits for a CRD to be established, so that the custom objects after it find their kind served. */
public final class CustomResourceDefinitions {

    private static final Logger LOG = LoggerFactory.getLogger(CustomResourceDefinitions.class);
    private static final Duration ESTABLISHED_WITHIN = Duration.ofSeconds(30);

    private CustomResourceDefinitions() {
    }

    public static void awaitEstablished(KubernetesClient client, String name) {
        try {
            client.apiextensions().v1().customResourceDefinitions().withName(name).waitUntilCondition(
                    CustomResourceDefinitions::established, ESTABLISHED_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (KubernetesClientTimeoutException e) {
            // Its custom objects will fail alone ("does not serve kind"), and be applied next pass.
            LOG.warn("CustomResourceDefinition {} not established within {}s", name, ESTABLISHED_WITHIN.toSeconds());
        }
    }

    public static boolean established(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
