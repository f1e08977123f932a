package dev.burstgitops.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields this controller's field manager owns on a live object (its {@code Apply} entry in
 * {@code metadata.managedFields}) that the repository no longer asks for. Each one is a field the
 * next server-side apply removes, so a non-empty answer means the object must be applied even
 * though the live object holds every desired field. Read from the live object, not from state kept
 * by the controller, so it also sees fields taken over from another manager.
 *
 * <p>The owned set is written in the server's FieldsV1 form: {@code f:<name>} a map key,
 * {@code k:{...}} a list item by its merge keys, {@code v:<json>} a set item, {@code i:<n>} an item
 * by index, {@code .} the item itself. A merge key the server defaulted (a port's
 * {@code protocol: TCP}) may be absent from the repository's item; the fields that are present
 * must match.
 */
final class OwnedFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OwnedFields() {
    }

    /** The entry of {@code manager}'s apply on the object itself (not a subresource), if any. */
    static Optional<ManagedFieldsEntry> appliedBy(List<ManagedFieldsEntry> entries, String manager) {
        if (entries == null) {
            return Optional.empty();
        }
        return entries.stream().filter(entry -> manager.equals(entry.getManager())
                && "Apply".equals(entry.getOperation()) && isMainResource(entry)).findFirst();
    }

    static boolean isMainResource(ManagedFieldsEntry entry) {
        return entry.getSubresource() == null || entry.getSubresource().isEmpty();
    }

    /** Paths ({@code data.color}, {@code spec.template.spec.containers[name=worker].env[name=DEBUG]}) owned but not desired. */
    static List<String> notDesired(Optional<ManagedFieldsEntry> owned, Map<String, Object> desired) {
        List<String> removed = new ArrayList<>();
        owned.map(entry -> entry.getFieldsV1() == null ? null : entry.getFieldsV1().getAdditionalProperties())
                .ifPresent(fields -> walk("", fields, desired, removed));
        return removed;
    }

    private static void walk(String path, Map<String, Object> fields, Object desired, List<String> removed) {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String key = field.getKey();
            Map<String, Object> children = asMap(field.getValue());
            if (key.equals(".")) {
                continue;
            }
            if (key.startsWith("f:")) {
                String name = key.substring(2);
                String at = path.isEmpty() ? name : path + "." + name;
                if (desired instanceof Map<?, ?> map && map.containsKey(name)) {
                    walk(at, children, map.get(name), removed);
                } else {
                    removed.add(at);
                }
            } else if (key.startsWith("k:")) {
                Map<String, Object> mergeKey = asMap(parseJson(key.substring(2)));
                Optional<Object> item = listItems(desired).stream().filter(candidate -> matches(candidate, mergeKey))
                        .findFirst();
                String at = path + "[" + describe(mergeKey) + "]";
                item.ifPresentOrElse(found -> walk(at, children, found, removed), () -> removed.add(at));
            } else if (key.startsWith("v:")) {
                Object value = parseJson(key.substring(2));
                if (listItems(desired).stream().noneMatch(candidate -> FieldDiff.sameScalar(value, candidate))) {
                    removed.add(path + "[" + value + "]");
                }
            } else if (key.startsWith("i:")) {
                int index = Integer.parseInt(key.substring(2));
                List<Object> items = listItems(desired);
                if (index < items.size()) {
                    walk(path + "[" + index + "]", children, items.get(index), removed);
                } else {
                    removed.add(path + "[" + index + "]");
                }
            }
        }
    }

    /** A list item matches a merge key when every key field it has equals the key's (absent ones were defaulted). */
    private static boolean matches(Object candidate, Map<String, Object> mergeKey) {
        if (!(candidate instanceof Map<?, ?> item)) {
            return false;
        }
        return mergeKey.entrySet().stream().allMatch(keyField -> !item.containsKey(keyField.getKey())
                || FieldDiff.sameScalar(keyField.getValue(), item.get(keyField.getKey())));
    }

    private static String describe(Map<String, Object> mergeKey) {
        StringBuilder text = new StringBuilder();
        mergeKey.forEach((name, value) -> text.append(text.length() == 0 ? "" : ",").append(name).append('=').append(value));
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listItems(Object desired) {
        return desired instanceof List<?> list ? (List<Object>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The merge keys and set values the server writes are JSON; one shared, thread-safe reader. */
    private static Object parseJson(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
