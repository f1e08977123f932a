package dev.burstgitops.manifest;

import java.util.Map;
import java.util.Objects;

/**
 * One Kubernetes object as the repository describes it: the parsed document (plain maps,
 * lists and scalars, as SnakeYAML gives them) and where it was written.
 */
public record ManifestObject(Map<String, Object> content, SourceLocation source) {

    public ManifestObject {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
    }

    public String apiVersion() {
        return stringAt(content, "apiVersion");
    }

    public String kind() {
        return stringAt(content, "kind");
    }

    public String name() {
        return stringAt(metadata(), "name");
    }

    /** The namespace as written; empty when the document names none. */
    public String namespace() {
        String namespace = stringAt(metadata(), "namespace");
        return namespace == null ? "" : namespace;
    }

    public ObjectKey key() {
        return new ObjectKey(ObjectKey.groupOf(apiVersion()), kind(), namespace(), name());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> metadata() {
        Object metadata = content.get("metadata");
        return metadata instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String stringAt(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }
}
