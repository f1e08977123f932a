package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ConfigMaps and Secrets a pod cannot do without: those its volumes mount (projected ones
 * too), its containers' env and envFrom read, and its image pull Secrets. Deleting one of them
 * would break the pod's next restart, so the controller's own are never pruned.
 */
final class PodReferences {

    private PodReferences() {
    }

    /** The names by kind: {@code ConfigMap} and {@code Secret}. */
    static Map<String, Set<String>> configAndSecrets(PodSpec spec) {
        Set<String> configMaps = new TreeSet<>();
        Set<String> secrets = new TreeSet<>();
        for (Volume volume : list(spec.getVolumes())) {
            if (volume.getConfigMap() != null) {
                add(configMaps, volume.getConfigMap().getName());
            }
            if (volume.getSecret() != null) {
                add(secrets, volume.getSecret().getSecretName());
            }
            if (volume.getProjected() != null) {
                for (VolumeProjection source : list(volume.getProjected().getSources())) {
                    if (source.getConfigMap() != null) {
                        add(configMaps, source.getConfigMap().getName());
                    }
                    if (source.getSecret() != null) {
                        add(secrets, source.getSecret().getName());
                    }
                }
            }
        }
        for (Container container : containers(spec)) {
            for (EnvVar env : list(container.getEnv())) {
                if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                    add(configMaps, env.getValueFrom().getConfigMapKeyRef().getName());
                }
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    add(secrets, env.getValueFrom().getSecretKeyRef().getName());
                }
            }
            for (EnvFromSource source : list(container.getEnvFrom())) {
                if (source.getConfigMapRef() != null) {
                    add(configMaps, source.getConfigMapRef().getName());
                }
                if (source.getSecretRef() != null) {
                    add(secrets, source.getSecretRef().getName());
                }
            }
        }
        list(spec.getImagePullSecrets()).forEach(secret -> add(secrets, secret.getName()));
        return Map.of("ConfigMap", configMaps, "Secret", secrets);
    }

    private static List<Container> containers(PodSpec spec) {
        List<Container> all = new ArrayList<>(list(spec.getContainers()));
        all.addAll(list(spec.getInitContainers()));
        return all;
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
    }

    private static void add(Set<String> names, String name) {
        if (name != null && !name.isEmpty()) {
            names.add(name);
        }
    }
}
