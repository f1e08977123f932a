package dev.burstgitops.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Namespaces never pruned, whatever Git says: {@code default} and {@code kube-*}, which every
 * cluster needs; the inventory namespace, whose deletion would take the inventory with it; and the
 * namespace the controller itself runs in.
 */
final class ProtectedNamespaces {

    private static final Path SERVICE_ACCOUNT_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    private final Set<String> named;

    ProtectedNamespaces(Set<String> named) {
        this.named = Set.copyOf(named);
    }

    /** {@code inventoryNamespace} and the controller's own namespace, when it runs in a pod. */
    static ProtectedNamespaces forController(String inventoryNamespace) {
        Set<String> named = new HashSet<>(Set.of(inventoryNamespace));
        ownNamespace().ifPresent(named::add);
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

    /** The pod's namespace: the downward API's POD_NAMESPACE, else the service account's namespace file. */
    private static Optional<String> ownNamespace() {
        String fromEnv = System.getenv("POD_NAMESPACE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.trim());
        }
        try {
            return Files.isReadable(SERVICE_ACCOUNT_NAMESPACE)
                    ? Optional.of(Files.readString(SERVICE_ACCOUNT_NAMESPACE).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
