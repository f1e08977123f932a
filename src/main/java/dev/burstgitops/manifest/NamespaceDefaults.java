package dev.burstgitops.manifest;

import java.util.List;

/**
 * Makes every object's namespace explicit after rendering. A namespaced object without one
 * gets {@code default} rather than "whatever the kubeconfig's context says": the result, its
 * identity for pruning and the policy check must not depend on who runs the controller.
 * A cluster-scoped object loses a namespace it names, as the API server would drop it, so that
 * its identity is the one the server gives it.
 */
final class NamespaceDefaults {

    static final String DEFAULT_NAMESPACE = "default";

    private NamespaceDefaults() {
    }

    static void apply(List<ManifestObject> objects) {
        for (ManifestObject object : objects) {
            if (ClusterScopedKinds.isClusterScoped(object)) {
                object.metadata().remove("namespace");
            } else if (object.namespace().isEmpty()) {
                object.metadata().put("namespace", DEFAULT_NAMESPACE);
            }
        }
    }
}
