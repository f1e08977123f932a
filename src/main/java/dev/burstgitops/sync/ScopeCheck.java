package dev.burstgitops.sync;

import dev.burstgitops.manifest.ClusterScopedKinds;
import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.manifest.ObjectKey;
import dev.burstgitops.manifest.ReservedObject;
import dev.burstgitops.sync.ObjectOutcome.Failed;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a pass refuses before it writes anything: an object of a kind this cluster serves
 * cluster-scoped (custom kinds included, whatever the file says about a namespace) that the
 * cluster's {@code allowedClusterScopedKinds} does not allow, and the controller's own inventory
 * ConfigMap, which Git must not overwrite (prune would stop working). The renderer checks the kinds
 * it knows; the cluster's discovery is the authority for the rest.
 */
final class ScopeCheck {

    private final ServedKinds servedKinds;
    private final ReservedObject inventory;

    ScopeCheck(ServedKinds servedKinds, String inventoryNamespace, String inventoryName) {
        this.servedKinds = servedKinds;
        this.inventory = new ReservedObject(new ObjectKey("", "ConfigMap", inventoryNamespace, inventoryName),
                "the controller's inventory of this cluster (its head, or a name its parts take)", true);
    }

    List<ObjectOutcome> refused(List<ManifestObject> desired, SyncOptions options) {
        Set<String> clusterScopedInPass = ClusterScopedKinds.declaredByDefinitions(desired);
        List<ObjectOutcome> refused = new ArrayList<>();
        for (ManifestObject object : desired) {
            String group = ObjectKey.groupOf(object.apiVersion());
            ObjectKey key = new ObjectKey(group, object.kind(), object.namespace(), object.name());
            // Without a namespace it would land in the inventory's when that is the context's: refused too.
            ObjectKey landing = object.namespace().isEmpty()
                    ? new ObjectKey(group, object.kind(), inventory.key().namespace(), object.name()) : key;
            if (inventory.matches(landing)) {
                refused.add(new Failed(key, Optional.of(object.source()), "is " + inventory.role()
                        + "; it cannot be declared in Git"));
                continue;
            }
            boolean clusterScoped = clusterScopedInPass.contains(group + "/" + object.kind())
                    || served(object).map(kind -> !kind.isNamespaceScoped()).orElse(false);
            if (clusterScoped && !options.allowsClusterScoped(object.kind())) {
                refused.add(new Failed(new ObjectKey(group, object.kind(), "", object.name()), Optional.of(object.source()),
                        object.kind() + " is cluster-scoped in this cluster and not allowed (allowedClusterScopedKinds: "
                                + options.allowedClusterScopedKinds().stream().sorted().toList() + ")"));
            }
        }
        return refused;
    }

    private Optional<ResourceDefinitionContext> served(ManifestObject object) {
        try {
            return servedKinds.find(object.apiVersion(), object.kind());
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
