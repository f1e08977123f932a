package dev.burstgitops.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The discovery documents of the in-memory cluster ({@code /api}, {@code /api/v1}, {@code /apis},
 * {@code /apis/<group>}, {@code /apis/<group>/<version>}). fabric8's generic-resource lookups and
 * the real {@code kubectl} both find kinds this way; the fabric8 mock serves none of it in CRUD
 * mode. Documents are plain maps, serialised by the caller.
 */
final class InMemoryDiscovery {

    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet");
    private static final Set<String> WITH_STATUS = Set.of("Deployment", "StatefulSet", "DaemonSet");

    private InMemoryDiscovery() {
    }

    /** True for the paths that are discovery and not an object or a list of objects. */
    static boolean isDiscoveryPath(String path) {
        List<String> segments = segments(path);
        if (segments.isEmpty()) {
            return false;
        }
        return segments.get(0).equals("api") && segments.size() <= 2
                || segments.get(0).equals("apis") && segments.size() <= 3;
    }

    /** The document for a discovery path, or empty when that group or version is not served. */
    static Optional<Map<String, Object>> document(String path, List<InMemoryApiResource> served) {
        List<String> segments = segments(path);
        if (segments.get(0).equals("api")) {
            return segments.size() == 1 ? Optional.of(coreVersions()) : resourceList("v1", served);
        }
        return switch (segments.size()) {
            case 1 -> Optional.of(groupList(served));
            case 2 -> group(segments.get(1), served);
            default -> resourceList(segments.get(1) + "/" + segments.get(2), served);
        };
    }

    private static Map<String, Object> coreVersions() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "APIVersions");
        document.put("versions", List.of("v1"));
        document.put("serverAddressByClientCIDRs", List.of());
        return document;
    }

    private static Map<String, Object> groupList(List<InMemoryApiResource> served) {
        List<Map<String, Object>> groups = new ArrayList<>();
        served.stream().map(InMemoryApiResource::group).filter(g -> !g.isEmpty()).distinct()
                .forEach(name -> group(name, served).ifPresent(groups::add));
        return Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", groups);
    }

    private static Optional<Map<String, Object>> group(String name, List<InMemoryApiResource> served) {
        List<Map<String, Object>> versions = served.stream().filter(r -> r.group().equals(name))
                .map(InMemoryApiResource::version).distinct()
                .map(version -> Map.<String, Object>of("groupVersion", name + "/" + version, "version", version))
                .toList();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.of("kind", "APIGroup", "apiVersion", "v1", "name", name,
                "versions", versions, "preferredVersion", versions.get(0)));
    }

    private static Optional<Map<String, Object>> resourceList(String groupVersion, List<InMemoryApiResource> served) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (InMemoryApiResource resource : served) {
            if (resource.groupVersion().equals(groupVersion)) {
                resources.add(describe(resource));
                resources.addAll(subresources(resource));
            }
        }
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.of("kind", "APIResourceList", "apiVersion", "v1",
                "groupVersion", groupVersion, "resources", resources));
    }

    private static Map<String, Object> describe(InMemoryApiResource resource) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("name", resource.plural());
        described.put("singularName", resource.singular());
        described.put("namespaced", resource.namespaced());
        described.put("kind", resource.kind());
        described.put("verbs", VERBS);
        if (!resource.shortNames().isEmpty()) {
            described.put("shortNames", resource.shortNames());
        }
        return described;
    }

    private static List<Map<String, Object>> subresources(InMemoryApiResource resource) {
        List<Map<String, Object>> subresources = new ArrayList<>();
        if (WITH_STATUS.contains(resource.kind())) {
            subresources.add(Map.of("name", resource.plural() + "/status", "singularName", "",
                    "namespaced", resource.namespaced(), "kind", resource.kind(),
                    "verbs", List.of("get", "patch", "update")));
        }
        if (SCALABLE.contains(resource.kind())) {
            // kubectl scale finds the Scale kind through this entry.
            subresources.add(Map.of("name", resource.plural() + "/scale", "singularName", "",
                    "namespaced", resource.namespaced(), "group", "autoscaling", "version", "v1", "kind", "Scale",
                    "verbs", List.of("get", "patch", "update")));
        }
        return subresources;
    }

    private static List<String> segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
