package dev.burstgitops.manifest;

import java.time.Duration;
import java.util.Objects;

/**
 * How to render one cluster's directory.
 *
 * @param engine           built-in subset or {@code kubectl kustomize}
 * @param policy           the cluster's namespace and cluster-scoped-kind rules
 * @param kubectl          the kubectl executable for {@link RenderEngine#KUSTOMIZE}
 * @param kustomizeTimeout how long {@code kubectl kustomize} may run before it is stopped
 * @param allowRemoteResources whether {@code kubectl kustomize} may fetch resources named by URL
 */
public record RenderOptions(RenderEngine engine, ClusterPolicy policy, String kubectl, Duration kustomizeTimeout,
                            boolean allowRemoteResources) {

    public static final Duration DEFAULT_KUSTOMIZE_TIMEOUT = Duration.ofSeconds(60);

    public RenderOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(kubectl, "kubectl");
        if (kustomizeTimeout == null || kustomizeTimeout.isNegative() || kustomizeTimeout.isZero()) {
            throw new IllegalArgumentException("kustomizeTimeout must be positive: " + kustomizeTimeout);
        }
    }

    public static RenderOptions builtin(ClusterPolicy policy) {
        return new RenderOptions(RenderEngine.BUILTIN, policy, "kubectl", DEFAULT_KUSTOMIZE_TIMEOUT, false);
    }

    public static RenderOptions kustomize(ClusterPolicy policy) {
        return new RenderOptions(RenderEngine.KUSTOMIZE, policy, "kubectl", DEFAULT_KUSTOMIZE_TIMEOUT, false);
    }

    public RenderOptions withKubectl(String executable, Duration timeout) {
        return new RenderOptions(engine, policy, executable, timeout, allowRemoteResources);
    }

    public RenderOptions withRemoteResources(boolean allowed) {
        return new RenderOptions(engine, policy, kubectl, kustomizeTimeout, allowed);
    }
}
