package dev.burstgitops.manifest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The well-known Kubernetes kinds that are cluster-scoped (no namespace). Without an API
 * server to ask, this list is how rendering knows not to give such an object a namespace and
 * how the cluster policy recognises one. kustomize decides the same way from its built-in
 * schema, and treats unknown kinds (custom resources) as namespaced; so does this list, which
 * keeps the built-in renderer's output equal to {@code kubectl kustomize}.
 */
public final class ClusterScopedKinds {

    // "group/Kind"; the core group is empty.
    private static final Set<String> KINDS = Set.of(
            "/Namespace", "/Node", "/PersistentVolume", "/ComponentStatus",
            "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
            "apiextensions.k8s.io/CustomResourceDefinition",
            "apiregistration.k8s.io/APIService",
            "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode",
            "storage.k8s.io/VolumeAttachment", "storage.k8s.io/VolumeAttributesClass",
            "scheduling.k8s.io/PriorityClass",
            "networking.k8s.io/IngressClass", "networking.k8s.io/IPAddress", "networking.k8s.io/ServiceCIDR",
            "node.k8s.io/RuntimeClass",
            "admissionregistration.k8s.io/MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
            "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
            "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
            "admissionregistration.k8s.io/MutatingAdmissionPolicy",
            "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
            "certificates.k8s.io/CertificateSigningRequest", "certificates.k8s.io/ClusterTrustBundle",
            "flowcontrol.apiserver.k8s.io/FlowSchema",
            "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
            "resource.k8s.io/DeviceClass", "resource.k8s.io/ResourceSlice",
            "policy/PodSecurityPolicy");

    private ClusterScopedKinds() {
    }

    public static boolean isClusterScoped(String group, String kind) {
        return KINDS.contains((group == null ? "" : group) + "/" + kind);
    }

    public static boolean isClusterScoped(ManifestObject object) {
        return isClusterScoped(ObjectKey.groupOf(object.apiVersion()), object.kind());
    }

    /**
     * The custom kinds the CRDs among {@code objects} declare {@code scope: Cluster}, as
     * "group/Kind": an object of such a kind is cluster-scoped whatever its file says about a
     * namespace.
     */
    public static Set<String> declaredByDefinitions(List<ManifestObject> objects) {
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
