package dev.burstgitops.sync;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Namespaces never pruned, whatever Git says: {@code default} and {@code kube-*}, which every
 * cluster needs; the inventory namespace, whose deletion would take the inventory with it; and, in
 * the cluster the controller runs in, its own namespace.
 */
final class ProtectedNamespaces {

    private final Set<String> named;

    ProtectedNamespaces(Set<String> named) {
        this.named = Set.copyOf(named);
    }

    /** {@code inventoryNamespace} and the namespace of the controller's pod, when it runs in this cluster. */
    static ProtectedNamespaces forController(String inventoryNamespace, Optional<PodIdentity> controllerPod) {
        Set<String> named = new HashSet<>(Set.of(inventoryNamespace));
        controllerPod.map(PodIdentity::namespace).ifPresent(named::add);
        return new ProtectedNamespaces(named);
    }

    /** Why {@code namespace} is never pruned; empty when it may be. */
    Optional<String> whyProtected(String namespace) {
        if (namespace.equals("default") || namespace.startsWith("kube-")) {
            return Optional.of("a system namespace is never pruned");
        }
        if (named.contains(namespace)) {
            return Optional.of("the inventory's and the controller's own namespaces are never pruned");
        }
        return Optional.empty();
    }
}
