package dev.burstgitops.demo;

import java.util.List;

/**
 * One kind the in-memory cluster serves, as discovery describes it.
 *
 * @param group      API group, empty for the core group
 * @param version    served version
 * @param kind       the kind ("Deployment")
 * @param plural     the resource name in URLs ("deployments")
 * @param namespaced whether objects of this kind live in a namespace
 * @param shortNames kubectl's short names ("deploy")
 */
public record InMemoryApiResource(
        String group, String version, String kind, String plural, boolean namespaced, List<String> shortNames) {

    public InMemoryApiResource {
        shortNames = List.copyOf(shortNames);
    }

    public static InMemoryApiResource namespaced(String groupVersion, String kind, String plural, String... shortNames) {
        return of(groupVersion, kind, plural, true, shortNames);
    }

    public static InMemoryApiResource clusterScoped(String groupVersion, String kind, String plural, String... shortNames) {
        return of(groupVersion, kind, plural, false, shortNames);
    }

    private static InMemoryApiResource of(
            String groupVersion, String kind, String plural, boolean namespaced, String... shortNames) {
        int slash = groupVersion.indexOf('/');
        String group = slash < 0 ? "" : groupVersion.substring(0, slash);
        String version = groupVersion.substring(slash + 1);
        return new InMemoryApiResource(group, version, kind, plural, namespaced, List.of(shortNames));
    }

    public String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The lower-case singular name kubectl accepts ("deployment"). */
    public String singular() {
        return kind.toLowerCase(java.util.Locale.ROOT);
    }
}
