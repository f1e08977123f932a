package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import java.util.Set;

/**
 * The controller's own objects in the cluster it runs in, which prune never deletes, even when a
 * change removes them from Git: its workload, ServiceAccount, the ConfigMaps and Secrets its pod
 * uses ({@link ControllerPod}), and the bindings and roles that give it its permissions
 * ({@link ControllerBindings}). Deleting any of them would stop the controller, or leave it unable
 * to put back what it deleted.
 *
 * <p>Looked up once per pass, and only once a prune candidate could be one of them. When the
 * lookup fails (the pod cannot be read, the bindings cannot be listed), every candidate that could
 * be one of them is kept, and said so: a controller that cannot tell must not guess.
 */
final class ControllerObjects {

    private static final Set<String> OWN_NAMESPACE_KINDS = Set.of("/Pod", "/ServiceAccount", "/ConfigMap", "/Secret",
            "apps/ReplicaSet", "apps/Deployment", "apps/StatefulSet", "apps/DaemonSet");
    private static final Set<String> WORKLOAD_KINDS = Set.of("apps/ReplicaSet", "apps/Deployment", "apps/StatefulSet",
            "apps/DaemonSet");
    private static final Set<String> BINDINGS = Set.of("RoleBinding", "ClusterRoleBinding");
    private static final Set<String> ROLES = Set.of("Role", "ClusterRole");

    private final KubernetesClient client;
    private final ServedKinds servedKinds;
    private final Optional<PodIdentity> pod;
    private ControllerPod.Own own;
    private ControllerBindings bindings;
    private String cannotTell;

    /** @param pod the controller's pod when it runs in this cluster; empty: nothing here is its own */
    ControllerObjects(KubernetesClient client, ServedKinds servedKinds, Optional<PodIdentity> pod) {
        this.client = client;
        this.servedKinds = servedKinds;
        this.pod = pod;
    }

    /** Why the object of {@code entry}, read as {@code live}, is the controller's own; empty when it is not. */
    Optional<String> whyOwn(InventoryEntry entry, GenericKubernetesResource live) {
        ObjectKey key = entry.key();
        if (pod.isEmpty() || !couldBeOwn(key)) {
            return Optional.empty();
        }
        lookUp();
        if (cannotTell != null) {
            return keptUnsure(cannotTell);
        }
        String role = own.objects().get(key);
        if (role != null) {
            return own(key, role);
        }
        if (isRbac(key, BINDINGS) && bindings.binds(key.namespace(),
                client.getKubernetesSerialization().convertValue(live, RoleBinding.class).getSubjects())) {
            return own(key, "it binds the controller's ServiceAccount " + own.serviceAccountNamespace() + "/"
                    + own.serviceAccount());
        }
        if (isRbac(key, ROLES)) {
            try {
                return Optional.ofNullable(bindings.roles().get(key))
                        .flatMap(binding -> own(key, binding + " grants it to the controller's ServiceAccount"));
            } catch (KubernetesClientException e) {
                if (ApiErrors.isUnreachable(e)) {
                    throw e;
                }
                return keptUnsure("cannot list the bindings of its ServiceAccount: " + ApiErrors.describe(e));
            }
        }
        if (WORKLOAD_KINDS.contains(key.group() + "/" + key.kind()) && own.workloadUnknown().isPresent()) {
            return keptUnsure(own.workloadUnknown().get());
        }
        return Optional.empty();
    }

    private boolean couldBeOwn(ObjectKey key) {
        return key.group().equals(ControllerBindings.RBAC) && (BINDINGS.contains(key.kind()) || ROLES.contains(key.kind()))
                || key.namespace().equals(pod.get().namespace()) && OWN_NAMESPACE_KINDS.contains(key.group() + "/" + key.kind());
    }

    private void lookUp() {
        if (own != null || cannotTell != null) {
            return;
        }
        try {
            Optional<ControllerPod.Own> found = ControllerPod.read(client, servedKinds, pod.get());
            if (found.isEmpty()) {
                cannotTell = "its pod " + pod.get() + " is not found";
                return;
            }
            own = found.get();
            bindings = new ControllerBindings(client, own.serviceAccountNamespace(), own.serviceAccount());
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw e;
            }
            cannotTell = "cannot read its pod " + pod.get() + ": " + ApiErrors.describe(e);
        }
    }

    private static boolean isRbac(ObjectKey key, Set<String> kinds) {
        return key.group().equals(ControllerBindings.RBAC) && kinds.contains(key.kind());
    }

    private static Optional<String> own(ObjectKey key, String why) {
        String where = key.namespace().isEmpty() ? key.name() : key.namespace() + "/" + key.name();
        return Optional.of("the controller's own " + key.kind() + " " + where + " is never pruned: " + why);
    }

    private static Optional<String> keptUnsure(String why) {
        return Optional.of("cannot tell whether it is one of the controller's own objects (" + why + "), so it is kept");
    }
}
