package dev.burstgitops.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks rendered objects against a {@link ClusterPolicy}; every violation is a problem at the object. */
final class ClusterPolicyCheck {

    private ClusterPolicyCheck() {
    }

    static List<RenderProblem> check(List<ManifestObject> objects, ClusterPolicy policy, SourceLocation directory) {
        List<RenderProblem> problems = new ArrayList<>();
        if (objects.isEmpty() && !policy.allowEmpty()) {
            problems.add(new RenderProblem(directory, "renders no objects; cluster " + policy.clusterName()
                    + " does not allow an empty directory (allowEmpty: false)"));
        }
        Set<String> clusterScopedCustomKinds = clusterScopedCustomKinds(objects);
        for (ManifestObject object : objects) {
            if (ClusterScopedKinds.isClusterScoped(object)
                    || clusterScopedCustomKinds.contains(ObjectKey.groupOf(object.apiVersion()) + "/" + object.kind())) {
                if (!policy.allowsClusterScoped(object.kind())) {
                    problems.add(new RenderProblem(object.source(), object.kind() + " is cluster-scoped and not allowed in cluster "
                            + policy.clusterName() + " (allowedClusterScopedKinds: " + policy.allowedClusterScopedKinds() + ")"));
                }
                // Creating a namespace is a way into it: the Namespace object itself must be allowed too.
                if ("Namespace".equals(object.kind()) && !policy.allowsNamespace(object.name())) {
                    problems.add(new RenderProblem(object.source(), "Namespace " + object.name()
                            + " is not allowed in cluster " + policy.clusterName()
                            + " (allowedNamespaces: " + policy.allowedNamespaces() + ")"));
                }
            } else if (!policy.allowsNamespace(object.namespace())) {
                problems.add(new RenderProblem(object.source(), object.kind() + " " + object.name()
                        + " is in namespace '" + object.namespace() + "', which is not allowed in cluster "
                        + policy.clusterName() + " (allowedNamespaces: " + policy.allowedNamespaces() + ")"));
            }
        }
        return problems;
    }

    /**
     * The custom kinds the rendered CRDs declare {@code scope: Cluster}, as "group/Kind": an object
     * of such a kind is cluster-scoped whatever its file says about a namespace. Kinds whose CRD is
     * installed by other means are checked by the sync against the cluster's discovery.
     */
    @SuppressWarnings("unchecked")
    private static Set<String> clusterScopedCustomKinds(List<ManifestObject> objects) {
        Set<String> kinds = new HashSet<>();
        for (ManifestObject object : objects) {
            if (object.kind().equals("CustomResourceDefinition") && object.content().get("spec") instanceof Map<?, ?> spec
                    && "Cluster".equals(spec.get("scope")) && spec.get("names") instanceof Map<?, ?> names
                    && names.get("kind") != null) {
                kinds.add(spec.get("group") + "/" + names.get("kind"));
            }
        }
        return kinds;
    }
}
