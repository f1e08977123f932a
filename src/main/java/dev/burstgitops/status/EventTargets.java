package dev.burstgitops.status;

import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.config.VirtualServiceConfig;
import dev.burstgitops.manifest.ManifestLoader;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects Events are about: a policy's VirtualService in the primary cluster (its namespace
 * and API version read from the repository's file, its uid from the server), else the
 * controller's own Pod ({@code POD_NAME}/{@code POD_NAMESPACE} from the downward API).
 */
final class EventTargets {

    private final KubernetesClient primary;
    private final Path repository;
    private final Map<String, ObjectReference> declared = new ConcurrentHashMap<>();

    EventTargets(KubernetesClient primary, Path repository) {
        this.primary = primary;
        this.repository = repository;
    }

    /**
     * The policy's VirtualService as the repository declares it (no uid yet). Reads the working
     * copy, so call it on the burst loop's thread, between passes; remembered once found.
     */
    Optional<ObjectReference> declared(PolicyConfig policy) {
        ObjectReference known = declared.get(policy.name());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ObjectReference> found = read(policy.virtualService());
        found.ifPresent(reference -> declared.put(policy.name(), reference));
        return found;
    }

    Optional<ObjectReference> controllerPod() {
        String name = System.getenv("POD_NAME");
        String namespace = System.getenv("POD_NAMESPACE");
        if (name == null || namespace == null) {
            return Optional.empty();
        }
        try {
            Pod pod = primary.pods().inNamespace(namespace).withName(name).get();
            return pod == null ? Optional.empty() : Optional.of(ControllerEvents.reference("v1", "Pod", namespace, name,
                    pod.getMetadata().getUid()));
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    /** apiVersion and namespace of the VirtualService as the repository declares it, read as the renderer reads it. */
    private Optional<ObjectReference> read(VirtualServiceConfig vs) {
        return new ManifestLoader().load(repository, vs.file()).objects().stream()
                .filter(object -> "VirtualService".equals(object.kind()) && vs.name().equals(object.name()))
                .findFirst()
                .map(object -> ControllerEvents.reference(object.apiVersion(), "VirtualService",
                        object.namespace().isEmpty() ? "default" : object.namespace(), vs.name(), null));
    }

    /** The same reference with the live object's uid; empty when the primary cluster does not have it (yet). */
    Optional<ObjectReference> live(ObjectReference declared) {
        try {
            GenericKubernetesResource object = primary.genericKubernetesResources(declared.getApiVersion(),
                    declared.getKind()).inNamespace(declared.getNamespace()).withName(declared.getName()).get();
            return object == null ? Optional.empty() : Optional.of(ControllerEvents.reference(declared.getApiVersion(),
                    declared.getKind(), declared.getNamespace(), declared.getName(), object.getMetadata().getUid()));
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }
}
