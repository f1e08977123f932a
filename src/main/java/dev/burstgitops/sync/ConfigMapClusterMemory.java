package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ClusterMemory} in a ConfigMap beside the leader-election Lease ({@code <lease>-clusters}):
 * where every replica of this installation reads and writes, and not in the clusters it guards.
 * One key per cluster, each written with a merge patch, so that clusters synced concurrently
 * never overwrite each other's identity. Read once, then kept in memory; written only when an
 * identity is new or changed.
 */
public final class ConfigMapClusterMemory implements ClusterMemory {

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private volatile Map<String, String> known;

    /** Does not take ownership of {@code client}. */
    public ConfigMapClusterMemory(KubernetesClient client, String namespace, String leaseName) {
        this.client = client;
        this.namespace = namespace;
        this.name = leaseName + "-clusters";
    }

    @Override
    public Optional<String> identity(String cluster) {
        return Optional.ofNullable(known().get(cluster));
    }

    @Override
    public synchronized void remember(String cluster, String identity) {
        if (identity.equals(known().get(cluster))) {
            return;
        }
        var configMap = client.configMaps().inNamespace(namespace).withName(name);
        try {
            configMap.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"" + cluster + "\":\"" + identity + "\"}}");
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            client.resource(new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                    .withLabels(Map.of(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER)).endMetadata()
                    .withData(Map.of(cluster, identity)).build()).create();
        }
        known().put(cluster, identity);
    }

    private Map<String, String> known() {
        Map<String, String> current = known;
        if (current == null) {
            ConfigMap stored = client.configMaps().inNamespace(namespace).withName(name).get();
            current = new ConcurrentHashMap<>(stored == null || stored.getData() == null ? Map.of() : stored.getData());
            known = current;
        }
        return current;
    }
}
