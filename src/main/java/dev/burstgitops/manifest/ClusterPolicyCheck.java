package dev.burstgitops.manifest;

import java.util.ArrayList;
import java.util.List;
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
        // Kinds whose CRD is installed by other means are checked by the sync against discovery.
        Set<String> clusterScopedCustomKinds = ClusterScopedKinds.declaredByDefinitions(objects);
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
}
