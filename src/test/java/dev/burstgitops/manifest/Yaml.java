package dev.burstgitops.manifest;

import java.util.Map;

/** Test helper: the value at a path of field names in an object. */
final class Yaml {

    private Yaml() {
    }

    static Object at(ManifestObject object, String... fields) {
        Object node = object.content();
        for (String field : fields) {
            node = node instanceof Map<?, ?> map ? map.get(field) : null;
        }
        return node;
    }
}
