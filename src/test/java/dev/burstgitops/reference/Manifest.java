package dev.burstgitops.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One YAML document as plain maps and lists, with where it came from, and path-style accessors for tests. */
record Manifest(Map<String, Object> root, String source) {

    static List<Manifest> loadAll(String yaml, String source) {
        List<Manifest> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                documents.add(new Manifest(asMap(document, source), source));
            }
        }
        return documents;
    }

    static Manifest load(String yaml, String source) {
        List<Manifest> documents = loadAll(yaml, source);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(source + ": expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    String kind() {
        return (String) root.get("kind");
    }

    String name() {
        return string("metadata", "name");
    }

    String namespace() {
        return string("metadata", "namespace");
    }

    /** {@code Kind namespace/name}, or {@code Kind name} for an object without a namespace. */
    String key() {
        return kind() + " " + (namespace() == null ? "" : namespace() + "/") + name();
    }

    Object get(String... path) {
        Object node = root;
        for (String step : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(step);
        }
        return node;
    }

    String string(String... path) {
        Object value = get(path);
        return value == null ? null : value.toString();
    }

    Map<String, Object> map(String... path) {
        Object value = get(path);
        return value == null ? Map.of() : asMap(value, source + " " + String.join(".", path));
    }

    List<Manifest> list(String... path) {
        Object value = get(path);
        List<Manifest> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                items.add(new Manifest(asMap(item, source), source));
            }
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node, String source) {
        if (!(node instanceof Map)) {
            throw new IllegalArgumentException(source + ": expected a mapping, found " + node);
        }
        return (Map<String, Object>) node;
    }
}
