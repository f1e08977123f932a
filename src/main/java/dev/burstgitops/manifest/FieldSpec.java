package dev.burstgitops.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kustomize field spec: which objects (group, version, kind; blank matches any) and which
 * field path a transformer writes. The path semantics follow kustomize: a list met on the way
 * is entered element by element ({@code spec/ingress/from/podSelector} reaches every
 * {@code from} of every {@code ingress}); {@code create} makes missing maps on the way.
 *
 * @param path '/'-separated field names; a trailing {@code []} on a name marks a list
 */
record FieldSpec(String group, String version, String kind, String path, boolean create) {

    /** Called with the map that holds (or will hold) the final field, and that field's name. */
    @FunctionalInterface
    interface FieldWriter {
        void write(Map<String, Object> parent, String field);
    }

    static FieldSpec anyKind(String path, boolean create) {
        return new FieldSpec("", "", "", path, create);
    }

    static FieldSpec forKind(String group, String kind, String path, boolean create) {
        return new FieldSpec(group, "", kind, path, create);
    }

    boolean matches(ManifestObject object) {
        String apiVersion = object.apiVersion();
        int slash = apiVersion.indexOf('/');
        String objectVersion = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return (group.isEmpty() || group.equals(ObjectKey.groupOf(apiVersion)))
                && (version.isEmpty() || version.equals(objectVersion))
                && (kind.isEmpty() || kind.equals(object.kind()));
    }

    void writeInto(Map<String, Object> content, FieldWriter writer) {
        walk(content, List.of(path.split("/")), writer);
    }

    @SuppressWarnings("unchecked")
    private void walk(Object node, List<String> segments, FieldWriter writer) {
        if (node instanceof List<?> list) {
            for (Object element : new ArrayList<>(list)) {
                walk(element, segments, writer);
            }
            return;
        }
        if (!(node instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        String segment = segments.get(0);
        boolean listMarker = segment.endsWith("[]");
        String field = listMarker ? segment.substring(0, segment.length() - 2) : segment;
        if (segments.size() == 1) {
            if (create || map.get(field) != null) {
                writer.write(map, field);
            }
            return;
        }
        Object next = map.get(field);
        if (next == null && create && !listMarker) {
            next = new LinkedHashMap<String, Object>();
            map.put(field, next);
        }
        if (next != null) {
            walk(next, segments.subList(1, segments.size()), writer);
        }
    }
}
