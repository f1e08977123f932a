package dev.burstgitops.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the kinds a list of stored CustomResourceDefinitions adds, so that applying a CRD to the
 * in-memory cluster makes its kind appear in discovery, as on a real API server.
 */
final class InMemoryCustomResources {

    private InMemoryCustomResources() {
    }

    @SuppressWarnings("unchecked")
    static List<InMemoryApiResource> fromDefinitionList(String listJson) {
        List<InMemoryApiResource> resources = new ArrayList<>();
        Object parsed = listJson == null || listJson.isBlank() ? null : new Yaml().load(listJson);
        if (!(parsed instanceof Map<?, ?> list) || !(list.get("items") instanceof List<?> items)) {
            return resources;
        }
        for (Object item : items) {
            Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) item).getOrDefault("spec", Map.of());
            Map<String, Object> names = (Map<String, Object>) spec.getOrDefault("names", Map.of());
            boolean namespaced = !"Cluster".equals(spec.get("scope"));
            for (Object version : (List<Object>) spec.getOrDefault("versions", List.of())) {
                Map<String, Object> v = (Map<String, Object>) version;
                if (!Boolean.FALSE.equals(v.get("served"))) {
                    resources.add(new InMemoryApiResource(String.valueOf(spec.get("group")), String.valueOf(v.get("name")),
                            String.valueOf(names.get("kind")), String.valueOf(names.get("plural")), namespaced,
                            (List<String>) names.getOrDefault("shortNames", List.of())));
                }
            }
        }
        return resources;
    }
}
