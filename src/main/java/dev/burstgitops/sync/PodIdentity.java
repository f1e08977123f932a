package dev.burstgitops.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pod the controller runs as: where to start looking for its own objects, which prune must
 * never delete. Read once, at start, from the process's environment and handed to the applier of
 * the cluster the pod runs in, so the lookup itself can be tested with any identity.
 */
public record PodIdentity(String namespace, String name) {

    /** Where the kubelet mounts the namespace of a pod's service account. */
    public static final Path SERVICE_ACCOUNT_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    public PodIdentity {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** This process's pod; empty outside a pod. */
    public static Optional<PodIdentity> ofThisProcess() {
        return of(System.getenv(), SERVICE_ACCOUNT_NAMESPACE);
    }

    /**
     * The downward API's {@code POD_NAMESPACE} and {@code POD_NAME}; else the service account's
     * namespace file and {@code HOSTNAME}, which the kubelet sets to the pod's name.
     */
    static Optional<PodIdentity> of(Map<String, String> env, Path namespaceFile) {
        Optional<String> namespace = value(env, "POD_NAMESPACE").or(() -> read(namespaceFile));
        Optional<String> name = value(env, "POD_NAME").or(() -> value(env, "HOSTNAME"));
        return namespace.isPresent() && name.isPresent()
                ? Optional.of(new PodIdentity(namespace.get(), name.get())) : Optional.empty();
    }

    private static Optional<String> value(Map<String, String> env, String key) {
        return Optional.ofNullable(env.get(key)).map(String::trim).filter(text -> !text.isEmpty());
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file).trim()).filter(t -> !t.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
