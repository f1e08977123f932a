package dev.burstgitops.manifest;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one cluster's directory may contain.
 *
 * @param clusterName               for messages ("not allowed in cluster burst")
 * @param allowedNamespaces         namespaces objects may live in; empty means any
 * @param allowedClusterScopedKinds kinds that may be applied cluster-scoped; empty means none,
 *                                  because a cluster-scoped object (a ClusterRoleBinding, a
 *                                  webhook) reaches beyond the namespaces a team owns;
 *                                  {@code "*"} allows every kind
 * @param allowEmpty                whether rendering no objects at all is intended; when it is
 *                                  not, an empty result is a problem, because applying it with
 *                                  prune would delete everything the cluster runs
 */
public record ClusterPolicy(String clusterName, Set<String> allowedNamespaces, Set<String> allowedClusterScopedKinds,
                            boolean allowEmpty) {

    public static final String ANY_KIND = "*";

    public ClusterPolicy {
        Objects.requireNonNull(clusterName, "clusterName");
        // Sorted, so that messages list the allowed values in a stable order.
        allowedNamespaces = Collections.unmodifiableSortedSet(new TreeSet<>(allowedNamespaces));
        allowedClusterScopedKinds = Collections.unmodifiableSortedSet(new TreeSet<>(allowedClusterScopedKinds));
    }

    /** No restriction: for {@code validate} runs without a configuration. */
    public static ClusterPolicy unrestricted(String clusterName) {
        return new ClusterPolicy(clusterName, Set.of(), Set.of(ANY_KIND), true);
    }

    boolean allowsNamespace(String namespace) {
        return allowedNamespaces.isEmpty() || allowedNamespaces.contains(namespace);
    }

    boolean allowsClusterScoped(String kind) {
        return allowedClusterScopedKinds.contains(kind) || allowedClusterScopedKinds.contains(ANY_KIND);
    }
}
