package dev.burstgitops.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of fields in the API server's FieldsV1 form, the form of {@code metadata.managedFields}:
 * a tree whose keys are {@code f:<name>} (a map key), {@code k:{...}} (a list item by its merge
 * keys), {@code v:<json>} (a set item), {@code i:<n>} (an item by index) and {@code .} (the map or
 * item itself), and whose leaves are empty maps. Ownership moves between field managers as such
 * sets, so the controller reasons about them as the server does, never about values.
 *
 * <p>Values are immutable: every operation returns a new tree.
 */
final class FieldSet {

    static final FieldSet EMPTY = new FieldSet(Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> tree;

    private FieldSet(Map<String, Object> tree) {
        this.tree = tree;
    }

    /** The set a managedFields entry's {@code fieldsV1} holds; null reads as empty. */
    static FieldSet of(Map<String, Object> fieldsV1) {
        return fieldsV1 == null ? EMPTY : new FieldSet(copy(fieldsV1));
    }

    /** Reads the JSON {@link #toJson()} wrote; null or blank is empty. */
    @SuppressWarnings("unchecked")
    static FieldSet fromJson(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        try {
            return of(JSON.readValue(json, Map.class));
        } catch (JsonProcessingException e) {
            // An inventory written by hand or cut short: knowing less only means removing less.
            return EMPTY;
        }
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a field set is plain maps", e);
        }
    }

    Map<String, Object> tree() {
        return copy(tree);
    }

    boolean isEmpty() {
        return tree.isEmpty();
    }

    /** Whether the set holds a field, not only the {@code .} markers of maps and items that hold none of it. */
    boolean holdsFields() {
        return holdsFields(tree);
    }

    private static boolean holdsFields(Map<String, Object> fields) {
        return fields.entrySet().stream().anyMatch(field -> !field.getKey().equals(".")
                && (children(field.getValue()).isEmpty() || holdsFields(children(field.getValue()))));
    }

    FieldSet union(FieldSet other) {
        return new FieldSet(union(tree, other.tree));
    }

    /** The fields both sets hold. A leaf on one side (the whole field) holds all of the other side's subtree. */
    FieldSet intersect(FieldSet other) {
        return new FieldSet(intersect(tree, other.tree));
    }

    /** This set without the fields {@code other} holds. */
    FieldSet minus(FieldSet other) {
        return new FieldSet(minus(tree, other.tree));
    }

    /** Readable paths of the leaves: {@code data.color}, {@code spec.containers[name=worker].env[name=DEBUG]}. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        collect("", tree, paths);
        return paths;
    }

    private static Map<String, Object> union(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> result = copy(a);
        b.forEach((key, value) -> {
            Map<String, Object> mine = children(result.get(key));
            result.put(key, result.containsKey(key) ? union(mine, children(value)) : copy(children(value)));
        });
        return result;
    }

    private static Map<String, Object> intersect(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> result = new LinkedHashMap<>();
        a.forEach((key, value) -> {
            if (!b.containsKey(key)) {
                return;
            }
            Map<String, Object> left = children(value);
            Map<String, Object> right = children(b.get(key));
            if (left.isEmpty() || right.isEmpty()) {
                result.put(key, copy(left.isEmpty() ? right : left));
            } else {
                Map<String, Object> both = intersect(left, right);
                if (!both.isEmpty()) {
                    result.put(key, both);
                }
            }
        });
        return result;
    }

    private static Map<String, Object> minus(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> result = new LinkedHashMap<>();
        a.forEach((key, value) -> {
            Map<String, Object> mine = children(value);
            if (!b.containsKey(key)) {
                result.put(key, copy(mine));
                return;
            }
            Map<String, Object> theirs = children(b.get(key));
            if (theirs.isEmpty()) {
                return;
            }
            if (mine.isEmpty()) {
                // This side owns the whole field, the other a part: the whole cannot be split here.
                result.put(key, mine);
                return;
            }
            Map<String, Object> rest = minus(mine, theirs);
            if (!rest.isEmpty()) {
                result.put(key, rest);
            }
        });
        return result;
    }

    private static void collect(String path, Map<String, Object> fields, List<String> paths) {
        fields.forEach((key, value) -> {
            Map<String, Object> below = children(value);
            if (key.equals(".")) {
                if (fields.size() == 1) {
                    paths.add(path);
                }
                return;
            }
            String at = path + step(path, key);
            if (below.isEmpty()) {
                paths.add(at);
            } else {
                collect(at, below, paths);
            }
        });
    }

    private static String step(String path, String key) {
        if (key.startsWith("f:")) {
            return (path.isEmpty() ? "" : ".") + key.substring(2);
        }
        if (key.startsWith("k:")) {
            return "[" + describeMergeKey(key.substring(2)) + "]";
        }
        return "[" + key.substring(2) + "]";
    }

    @SuppressWarnings("unchecked")
    private static String describeMergeKey(String json) {
        try {
            Map<String, Object> mergeKey = JSON.readValue(json, Map.class);
            StringBuilder text = new StringBuilder();
            mergeKey.forEach((name, value) -> text.append(text.length() == 0 ? "" : ",").append(name).append('=')
                    .append(value));
            return text.toString();
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> children(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Object> copy(Map<String, Object> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((key, value) -> copy.put(key, copy(children(value))));
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet set && tree.equals(set.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
