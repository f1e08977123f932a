package dev.burstgitops.manifest;

/** How a cluster directory is turned into objects ({@code render:} in a cluster's configuration). */
public enum RenderEngine {
    /** In-process: plain YAML files, or the kustomize subset (resources, namespace, commonLabels, labels). */
    BUILTIN,
    /** Runs {@code kubectl kustomize}: every kustomize feature, at the cost of a process. */
    KUSTOMIZE
}
