package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import java.util.Objects;

/**
 * An object named by kind, namespace and name, in any API group: how a person names an object
 * that must never be pruned ({@code sync.protect}).
 *
 * @param namespace empty for a cluster-scoped object
 */
public record NamedObject(String kind, String namespace, String name) {

    public NamedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
    }

    boolean names(ObjectKey key) {
        return kind.equals(key.kind()) && namespace.equals(key.namespace()) && name.equals(key.name());
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? kind + "/" + name : kind + " " + namespace + "/" + name;
    }
}
