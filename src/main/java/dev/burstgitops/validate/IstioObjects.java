package dev.burstgitops.validate;

import dev.burstgitops.manifest.ManifestObject;
import java.util.List;
import java.util.Map;

/**
 * Reading Istio objects as the manifest loader gives them (plain maps and lists). A field of
 * the wrong shape reads as absent: the API server's schema validation is not ours to repeat.
 */
final class IstioObjects {

    private static final String NETWORKING_GROUP = "networking.istio.io/";

    private IstioObjects() {
    }

    /** Whether {@code object} is {@code kind} of networking.istio.io, any version. */
    static boolean isIstio(ManifestObject object, String kind) {
        return kind.equals(object.kind()) && object.apiVersion() != null
                && object.apiVersion().startsWith(NETWORKING_GROUP);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
