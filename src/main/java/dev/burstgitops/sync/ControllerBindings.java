package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The controller's permissions: the RoleBindings and ClusterRoleBindings whose subjects name its
 * ServiceAccount (directly, as its user name, or through the service-account groups), and the
 * Roles and ClusterRoles they grant. Pruning any of them could take away what the controller
 * needs to run, or to put them back.
 */
final class ControllerBindings {

    static final String RBAC = "rbac.authorization.k8s.io";

    private final KubernetesClient client;
    private final String namespace;
    private final String serviceAccount;
    private Map<ObjectKey, String> roles;

    ControllerBindings(KubernetesClient client, String namespace, String serviceAccount) {
        this.client = client;
        this.namespace = namespace;
        this.serviceAccount = serviceAccount;
    }

    /** Whether a binding in {@code bindingNamespace} ("" for a ClusterRoleBinding) grants its role to the controller. */
    boolean binds(String bindingNamespace, List<Subject> subjects) {
        return subjects != null && subjects.stream().anyMatch(subject -> names(bindingNamespace, subject));
    }

    private boolean names(String bindingNamespace, Subject subject) {
        String name = String.valueOf(subject.getName());
        return switch (String.valueOf(subject.getKind())) {
            case "ServiceAccount" -> name.equals(serviceAccount) && namespace.equals(
                    subject.getNamespace() == null || subject.getNamespace().isEmpty() ? bindingNamespace
                            : subject.getNamespace());
            case "User" -> name.equals("system:serviceaccount:" + namespace + ":" + serviceAccount);
            case "Group" -> name.equals("system:serviceaccounts") || name.equals("system:serviceaccounts:" + namespace);
            default -> false;
        };
    }

    /**
     * The roles granted to the controller, each with the binding that grants it; listed once, from
     * every namespace. A refused list escapes as the exception.
     */
    Map<ObjectKey, String> roles() {
        if (roles == null) {
            Map<ObjectKey, String> found = new HashMap<>();
            for (RoleBinding binding : client.rbac().roleBindings().inAnyNamespace().list().getItems()) {
                String bindingNamespace = binding.getMetadata().getNamespace();
                if (binds(bindingNamespace, binding.getSubjects())) {
                    found.put(role(binding.getRoleRef(), bindingNamespace),
                            "RoleBinding " + bindingNamespace + "/" + binding.getMetadata().getName());
                }
            }
            for (ClusterRoleBinding binding : client.rbac().clusterRoleBindings().list().getItems()) {
                if (binds("", binding.getSubjects())) {
                    found.put(role(binding.getRoleRef(), ""), "ClusterRoleBinding " + binding.getMetadata().getName());
                }
            }
            roles = found;
        }
        return roles;
    }

    /** A RoleBinding may grant a Role of its namespace or a ClusterRole. */
    private static ObjectKey role(RoleRef ref, String bindingNamespace) {
        boolean clusterRole = "ClusterRole".equals(ref.getKind());
        return new ObjectKey(RBAC, ref.getKind(), clusterRole ? "" : bindingNamespace, ref.getName());
    }
}
