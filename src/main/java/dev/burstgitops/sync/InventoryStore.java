package dev.burstgitops.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a cluster's inventory in that cluster, in the configured namespace, so that it survives
 * restarts and a second controller replica sees the same one.
 *
 * <p>A head ConfigMap {@code burst-gitops-inventory-<cluster>} records the owner and holds the
 * entries while they fit one bucket; past that, it names the parts, and the entries live in part
 * ConfigMaps ({@code <head>-<bucket>-<content hash>}), each
 * holding the entries whose object hashes to its bucket: readable YAML ({@code objects.yaml}, so
 * {@code kubectl get configmap -l burst-gitops/inventory=<cluster>} shows what is owned) and the
 * fields each last apply owned, gzipped JSON ({@code fields.json.gz}: many and alike). A
 * ConfigMap holds at most 1 MiB: with parts, {@code maxObjectsPerCluster} objects with
 * 253-character names fit (a thousand entries per bucket, doubled until every part fits). Parts are named by their content,
 * so a write creates the changed parts first, then points the head at them, then deletes the
 * old ones: a pass cut short anywhere leaves the head naming parts that exist.
 *
 * <p>The namespace is created when missing (only on a write, only labelled managed-by, never with
 * the cluster label, so no pass can prune it). The ConfigMaps carry the managed-by label too but
 * are never themselves in the inventory, so they are never pruned either.
 */
final class InventoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryStore.class);
    /** The label on the head and the parts: which cluster's inventory they hold. */
    static final String INVENTORY_LABEL = "burst-gitops/inventory";
    private static final String PARTS_KEY = "parts";
    private static final String OBJECTS_KEY = "objects.yaml";
    private static final String FIELDS_KEY = "fields.json.gz";
    private static final int ENTRIES_PER_BUCKET = 1_000;
    /** Below the API server's 1 MiB per ConfigMap, with room for its metadata. */
    private static final int MAX_PART_BYTES = 900 * 1024;
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

    /** The stored inventory; empty when no head was ever written (or it was deleted). */
    Optional<StoredInventory> read() {
        ConfigMap head = client.configMaps().inNamespace(namespace).withName(configMapName()).get();
        if (head == null) {
            return Optional.empty();
        }
        Map<String, String> data = head.getData() == null ? Map.of() : head.getData();
        Optional<InventoryOwner> owner = InventoryOwner.fromData(data);
        if (!data.containsKey(PARTS_KEY)) {
            Map<String, String> binary = head.getBinaryData() == null ? Map.of() : head.getBinaryData();
            // Written before parts: the entries in the head itself.
            return Optional.of(new StoredInventory(entriesOf(head), owner, Set.of(), true));
        }
        Set<String> named = partNames(data.get(PARTS_KEY));
        Map<String, ConfigMap> found = named.isEmpty() ? Map.of() : listParts();
        List<InventoryEntry> entries = new ArrayList<>();
        boolean complete = true;
        for (String name : named) {
            ConfigMap part = found.get(name);
            if (part == null) {
                LOG.warn("inventory {}/{}: part {} is missing", namespace, configMapName(), name);
                complete = false;
                continue;
            }
            entries.addAll(entriesOf(part).entries());
        }
        return Optional.of(new StoredInventory(new Inventory(entries), owner, named, complete));
    }

    /**
     * Stores {@code next} under {@code owner} unless both equal what is stored, so that a pass
     * with nothing to do writes nothing; returns what is stored afterwards.
     */
    StoredInventory write(Inventory next, InventoryOwner owner, Optional<StoredInventory> stored, WriteFence fence) {
        if (stored.filter(s -> s.complete() && s.inventory().equals(next) && s.owner().equals(Optional.of(owner)))
                .isPresent()) {
            return stored.get();
        }
        fence.check();
        if (stored.isEmpty()) {
            ensureNamespace();
        }
        Map<String, Part> parts = parts(next);
        Set<String> before = stored.map(StoredInventory::parts).orElse(Set.of());
        Map<String, String> data = new LinkedHashMap<>(owner.toData());
        ConfigMapBuilder head = new ConfigMapBuilder().withNewMetadata().withName(configMapName())
                .withNamespace(namespace).withLabels(labels(owner)).endMetadata();
        if (parts.size() == 1) {
            // One bucket: the entries in the head itself, so a pass that changes something costs one write.
            Part only = parts.values().iterator().next();
            data.put(OBJECTS_KEY, only.objects());
            head.withBinaryData(Map.of(FIELDS_KEY, Base64.getEncoder().encodeToString(only.fields())));
            parts = Map.of();
        } else {
            for (Map.Entry<String, Part> part : parts.entrySet()) {
                if (!before.contains(part.getKey())) {
                    fence.check();
                    createPart(part.getKey(), part.getValue(), owner);
                }
            }
            data.put(PARTS_KEY, String.join("\n", parts.keySet()));
        }
        fence.check();
        client.resource(head.withData(data).build()).fieldManager(Fabric8ClusterApplier.FIELD_MANAGER).forceConflicts()
                .serverSideApply();
        Set<String> kept = parts.keySet();
        before.stream().filter(name -> !kept.contains(name)).forEach(this::deletePart);
        LOG.info("inventory {}/{}: {} objects{}", namespace, configMapName(), next.entries().size(),
                kept.isEmpty() ? "" : " in " + kept.size() + " parts");
        return new StoredInventory(next, Optional.of(owner), kept, true);
    }

    /** A part: its entries as YAML, and their owned fields gzipped. */
    private record Part(String objects, byte[] fields) {

        static Part of(List<InventoryEntry> entries) {
            Inventory inventory = new Inventory(entries);
            return new Part(inventory.toYaml(), gzipped(inventory.fieldsByEntry()));
        }

        int size() {
            return objects.length() + fields.length * 4 / 3;
        }

        String hash() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(objects.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(sha.digest(fields), 0, 5);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    /** The parts of {@code inventory} by name: buckets doubled until every part fits a ConfigMap. */
    private Map<String, Part> parts(Inventory inventory) {
        int buckets = 1;
        while (inventory.entries().size() > buckets * ENTRIES_PER_BUCKET) {
            buckets *= 2;
        }
        while (true) {
            List<List<InventoryEntry>> split = new ArrayList<>();
            for (int i = 0; i < buckets; i++) {
                split.add(new ArrayList<>());
            }
            for (InventoryEntry entry : inventory.entries()) {
                split.get(Math.floorMod(entry.key().toString().hashCode(), buckets)).add(entry);
            }
            Map<String, Part> parts = new LinkedHashMap<>();
            boolean fits = true;
            for (int i = 0; i < buckets && fits; i++) {
                if (split.get(i).isEmpty() && buckets > 1) {
                    continue;
                }
                Part part = Part.of(split.get(i));
                fits = part.size() <= MAX_PART_BYTES;
                parts.put(configMapName() + "-" + i + "-" + part.hash(), part);
            }
            if (fits) {
                return parts;
            }
            buckets *= 2;
        }
    }

    /** The entries a part (or a head from before parts) holds. */
    private static Inventory entriesOf(ConfigMap map) {
        Map<String, String> data = map.getData() == null ? Map.of() : map.getData();
        Map<String, String> binary = map.getBinaryData() == null ? Map.of() : map.getBinaryData();
        return Inventory.fromYaml(data.get(OBJECTS_KEY), fields(binary.get(FIELDS_KEY)));
    }

    private Map<String, ConfigMap> listParts() {
        return client.configMaps().inNamespace(namespace).withLabel(INVENTORY_LABEL, cluster).list().getItems()
                .stream().filter(map -> !map.getMetadata().getName().equals(configMapName()))
                .collect(Collectors.toMap(map -> map.getMetadata().getName(), map -> map, (a, b) -> a));
    }

    private void createPart(String name, Part content, InventoryOwner owner) {
        ConfigMap part = new ConfigMapBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels(owner)).endMetadata()
                .withData(Map.of(OBJECTS_KEY, content.objects()))
                .withBinaryData(Map.of(FIELDS_KEY, Base64.getEncoder().encodeToString(content.fields())))
                .withImmutable(true).build();
        try {
            client.resource(part).create();
        } catch (KubernetesClientException e) {
            // Named by content: one that exists (a pass cut short after creating it) holds the same bytes.
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private void deletePart(String name) {
        try {
            client.configMaps().inNamespace(namespace).withName(name).delete();
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw e;
            }
            // The head no longer names it: a leftover only, which the next write tries again.
            LOG.warn("inventory part {}/{} not deleted: {}", namespace, name, ApiErrors.describe(e));
        }
    }

    private Map<String, String> labels(InventoryOwner owner) {
        return Map.of(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGER, INVENTORY_LABEL, cluster,
                ManagedLabels.INSTALLATION, owner.installation().id());
    }

    private static Set<String> partNames(String text) {
        return text == null ? Set.of() : Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
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

    private static byte[] gzipped(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            JSON.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory", e);
        }
        return bytes.toByteArray();
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
