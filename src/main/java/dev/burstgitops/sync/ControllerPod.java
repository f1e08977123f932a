package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the controller's pod is made of and runs on: the workload that owns it (its
 * controller ownerReferences, Pod -> ReplicaSet -> Deployment, or a StatefulSet), its
 * ServiceAccount, and the ConfigMaps and Secrets it uses ({@link PodReferences}).
 */
final class ControllerPod {

    private static final int MAX_OWNERS = 4;

    /**
     * The controller's own objects, by key, each with what it is to the controller.
     *
     * @param workloadUnknown why the chain of owners could not be followed to its top, if it could not
     */
    record Own(Map<ObjectKey, String> objects, String serviceAccountNamespace, String serviceAccount,
               Optional<String> workloadUnknown) {
    }

    private ControllerPod() {
    }

    /** Empty when the pod does not exist; a refused read escapes as the exception. */
    static Optional<Own> read(KubernetesClient client, ServedKinds servedKinds, PodIdentity identity) {
        Pod pod = client.pods().inNamespace(identity.namespace()).withName(identity.name()).get();
        if (pod == null) {
            return Optional.empty();
        }
        String namespace = identity.namespace();
        Map<ObjectKey, String> objects = new LinkedHashMap<>();
        objects.put(new ObjectKey("", "Pod", namespace, identity.name()), "its pod");
        Optional<String> workloadUnknown = owners(client, servedKinds, pod, objects);
        String serviceAccount = Optional.ofNullable(pod.getSpec().getServiceAccountName()).orElse("default");
        objects.put(new ObjectKey("", "ServiceAccount", namespace, serviceAccount), "its pod runs as it");
        for (Map.Entry<String, Set<String>> byKind : PodReferences.configAndSecrets(pod.getSpec()).entrySet()) {
            byKind.getValue().forEach(name -> objects.put(new ObjectKey("", byKind.getKey(), namespace, name),
                    "its pod uses it"));
        }
        return Optional.of(new Own(objects, namespace, serviceAccount, workloadUnknown));
    }

    /** Adds the pod's owners, up the controller references; says why it stopped early, if it did. */
    private static Optional<String> owners(KubernetesClient client, ServedKinds servedKinds, HasMetadata pod,
                                           Map<ObjectKey, String> objects) {
        Optional<OwnerReference> owner = controllerOf(pod.getMetadata().getOwnerReferences());
        for (int depth = 0; owner.isPresent() && depth < MAX_OWNERS; depth++) {
            OwnerReference ref = owner.get();
            String namespace = pod.getMetadata().getNamespace();
            objects.put(new ObjectKey(ObjectKey.groupOf(ref.getApiVersion()), ref.getKind(), namespace, ref.getName()),
                    "it runs the controller's pod");
            String described = ref.getKind() + " " + namespace + "/" + ref.getName();
            try {
                Optional<ResourceDefinitionContext> kind = servedKinds.find(ref.getApiVersion(), ref.getKind());
                GenericKubernetesResource live = kind.isEmpty() ? null
                        : GenericResources.named(client, kind.get(), namespace, ref.getName()).get();
                if (live == null) {
                    return deploymentByName(pod, ref, objects) ? Optional.empty() : Optional.of(described + " is not found");
                }
                owner = controllerOf(live.getMetadata().getOwnerReferences());
            } catch (KubernetesClientException e) {
                if (ApiErrors.isUnreachable(e)) {
                    throw e;
                }
                return deploymentByName(pod, ref, objects)
                        ? Optional.empty() : Optional.of("cannot read " + described + ": " + ApiErrors.describe(e));
            }
        }
        return Optional.empty();
    }

    /**
     * A ReplicaSet the controller cannot read (the reference RBAC grants no access to them, or it is
     * gone) still names its Deployment: a Deployment's ReplicaSet is
     * {@code <deployment>-<pod-template-hash>}. Should it have none, a Deployment is kept for nothing.
     */
    private static boolean deploymentByName(HasMetadata pod, OwnerReference replicaSet, Map<ObjectKey, String> objects) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        String hash = labels == null ? null : labels.get("pod-template-hash");
        if (!"ReplicaSet".equals(replicaSet.getKind()) || hash == null || !replicaSet.getName().endsWith("-" + hash)) {
            return false;
        }
        String deployment = replicaSet.getName().substring(0, replicaSet.getName().length() - hash.length() - 1);
        objects.put(new ObjectKey("apps", "Deployment", pod.getMetadata().getNamespace(), deployment),
                "it runs the controller's pod");
        return true;
    }

    private static Optional<OwnerReference> controllerOf(java.util.List<OwnerReference> references) {
        return references == null ? Optional.empty()
                : references.stream().filter(ref -> Boolean.TRUE.equals(ref.getController())).findFirst();
    }
}
