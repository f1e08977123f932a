package dev.burstgitops.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a cluster's inventory in the ConfigMap {@code burst-gitops-inventory-<cluster>} of the
 * configured namespace, in that cluster, so that it survives restarts and a second controller
 * replica sees the same one.
 *
 * <p>The namespace is created when missing (only on a write, only labelled managed-by, never with
 * the cluster label, so no pass can prune it). The ConfigMap carries the managed-by label too but
 * is never itself in the inventory, so it is never pruned either.
 */
final class InventoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryStore.class);
    private static final String DATA_KEY = "objects.yaml";
    /** The fields each object's last apply owned: gzipped JSON, since they are many and alike. */
    private static final String FIELDS_KEY = "fields.json.gz";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final String cluster;
    private final String namespace;

    InventoryStore(KubernetesClient client, String cluster, String namespace) {
        this.client = client;
        this.cluster = cluster;
        this.namespace = namespace;
    }

    String namespace() {
        return namespace;
    }

    String configMapName() {
        return ClusterTarget.inventoryName(cluster);
    }

    /** The stored inventory; empty when none was ever written. */
    Optional<Inventory> read() {
        ConfigMap stored = client.configMaps().inNamespace(namespace).withName(configMapName()).get();
        if (stored == null) {
            return Optional.empty();
        }
        Map<String, String> binary = stored.getBinaryData() == null ? Map.of() : stored.getBinaryData();
        return Optional.of(Inventory.fromYaml(stored.getData() == null ? null : stored.getData().get(DATA_KEY),
                fields(binary.get(FIELDS_KEY))));
    }

    /** Stores {@code next} unless it equals what is stored, so that a pass with nothing to do writes nothing. */
    void write(Inventory next, Optional<Inventory> stored, WriteFence fence) {
        if (stored.filter(next::equals).isPresent()) {
            return;
        }
        fence.check();
        if (stored.isEmpty()) {
            ensureNamespace();
        }
        ConfigMap configMap = new ConfigMapBuilder()
                .withNewMetadata().withName(configMapName()).withNamespace(namespace)
                .withLabels(Map.of(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER)).endMetadata()
                .withData(Map.of(DATA_KEY, next.toYaml()))
                .withBinaryData(Map.of(FIELDS_KEY, gzipped(next.fieldsByEntry())))
                .build();
        client.resource(configMap).fieldManager(Fabric8ClusterApplier.FIELD_MANAGER).forceConflicts().serverSideApply();
        LOG.info("inventory {}/{}: {} objects", namespace, configMapName(), next.entries().size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return Map.of();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            return JSON.readValue(in, Map.class);
        } catch (IOException | IllegalArgumentException e) {
            // Damaged by hand: the entries stay, only the knowledge of their last owned fields is lost.
            LOG.warn("inventory {}: the owned fields cannot be read ({}); removals of fields people edited wait"
                    + " for the next apply", FIELDS_KEY, e.getMessage());
            return Map.of();
        }
    }

    private static String gzipped(Map<String, Object> fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            JSON.writeValue(out, fields);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private void ensureNamespace() {
        if (client.namespaces().withName(namespace).get() != null) {
            return;
        }
        Namespace created = new NamespaceBuilder().withNewMetadata().withName(namespace)
                .withLabels(Map.of(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER)).endMetadata().build();
        client.resource(created).fieldManager(Fabric8ClusterApplier.FIELD_MANAGER).forceConflicts().serverSideApply();
        LOG.info("created namespace {} for the inventory", namespace);
    }
}
