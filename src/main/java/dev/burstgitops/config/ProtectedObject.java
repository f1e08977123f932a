package dev.burstgitops.config;

import java.util.Objects;

/**
 * One entry of {@code sync.protect}: an object no cluster's pass ever prunes.
 *
 * @param kind      the kind as in the manifest ({@code Deployment}); any API group
 * @param namespace empty for a cluster-scoped object
 */
public record ProtectedObject(String kind, String namespace, String name) {

    public ProtectedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
    }
}
