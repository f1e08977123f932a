package dev.burstgitops.manifest;

/**
 * Identity of a Kubernetes object: API group, kind, namespace (empty for cluster-scoped
 * objects) and name. The version is left out on purpose: the same object served at two
 * versions is still one object.
 */
public record ObjectKey(String group, String kind, String namespace, String name) {

    public ObjectKey {
        group = group == null ? "" : group;
        namespace = namespace == null ? "" : namespace;
    }

    /** The group part of an {@code apiVersion} ("apps/v1" → "apps", "v1" → ""). */
    public static String groupOf(String apiVersion) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    @Override
    public String toString() {
        String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
        return namespace.isEmpty() ? qualifiedKind + "/" + name : qualifiedKind + " " + namespace + "/" + name;
    }
}
