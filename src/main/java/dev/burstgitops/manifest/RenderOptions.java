package dev.burstgitops.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to render one cluster's directory.
 *
 * @param engine           built-in subset or {@code kubectl kustomize}
 * @param policy           the cluster's namespace and cluster-scoped-kind rules
 * @param kubectl          the kubectl executable for {@link RenderEngine#KUSTOMIZE}
 * @param kustomizeTimeout how long {@code kubectl kustomize} may run before it is stopped
 * @param allowRemoteResources whether {@code kubectl kustomize} may fetch resources named by URL
 * @param limits           how much the repository may make the renderer read
 * @param reserved         objects the controller keeps for itself in this cluster, refused when rendered
 */
public record RenderOptions(RenderEngine engine, ClusterPolicy policy, String kubectl, Duration kustomizeTimeout,
                            boolean allowRemoteResources, RepositoryLimits limits, List<ReservedObject> reserved) {

    public static final Duration DEFAULT_KUSTOMIZE_TIMEOUT = Duration.ofSeconds(60);

    public RenderOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(kubectl, "kubectl");
        Objects.requireNonNull(limits, "limits");
        reserved = List.copyOf(reserved);
        if (kustomizeTimeout == null || kustomizeTimeout.isNegative() || kustomizeTimeout.isZero()) {
            throw new IllegalArgumentException("kustomizeTimeout must be positive: " + kustomizeTimeout);
        }
    }

    public static RenderOptions builtin(ClusterPolicy policy) {
        return new RenderOptions(RenderEngine.BUILTIN, policy, "kubectl", DEFAULT_KUSTOMIZE_TIMEOUT, false,
                RepositoryLimits.DEFAULTS, List.of());
    }

    public static RenderOptions kustomize(ClusterPolicy policy) {
        return new RenderOptions(RenderEngine.KUSTOMIZE, policy, "kubectl", DEFAULT_KUSTOMIZE_TIMEOUT, false,
                RepositoryLimits.DEFAULTS, List.of());
    }

    public RenderOptions withKubectl(String executable, Duration timeout) {
        return new RenderOptions(engine, policy, executable, timeout, allowRemoteResources, limits, reserved);
    }

    public RenderOptions withRemoteResources(boolean allowed) {
        return new RenderOptions(engine, policy, kubectl, kustomizeTimeout, allowed, limits, reserved);
    }

    public RenderOptions withLimits(RepositoryLimits newLimits) {
        return new RenderOptions(engine, policy, kubectl, kustomizeTimeout, allowRemoteResources, newLimits, reserved);
    }

    public RenderOptions withReserved(List<ReservedObject> newReserved) {
        return new RenderOptions(engine, policy, kubectl, kustomizeTimeout, allowRemoteResources, limits, newReserved);
    }
}
