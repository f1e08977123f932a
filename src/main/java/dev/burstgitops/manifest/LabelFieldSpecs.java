package dev.burstgitops.manifest;

import java.util.List;

/**
 * Where kustomize writes labels, copied from its built-in configuration (kustomize v5,
 * {@code builtinpluginconsts/commonlabels.go} and {@code metadatalabels.go}) so that the
 * built-in renderer's output equals {@code kubectl kustomize}'s. Selectors are only written by
 * {@code commonLabels} and by {@code labels} with {@code includeSelectors}, because changing a
 * selector of a live workload is refused by the API server.
 */
final class LabelFieldSpecs {

    private static final String POD_AFFINITY = "spec/template/spec/affinity/";

    /** Object labels plus pod-template labels: {@code labels} with {@code includeTemplates}. */
    static final List<FieldSpec> TEMPLATES = List.of(
            FieldSpec.anyKind("metadata/labels", true),
            new FieldSpec("", "v1", "ReplicationController", "spec/template/metadata/labels", true),
            FieldSpec.forKind("", "Deployment", "spec/template/metadata/labels", true),
            FieldSpec.forKind("", "ReplicaSet", "spec/template/metadata/labels", true),
            FieldSpec.forKind("", "DaemonSet", "spec/template/metadata/labels", true),
            FieldSpec.forKind("apps", "StatefulSet", "spec/template/metadata/labels", true),
            FieldSpec.forKind("apps", "StatefulSet", "spec/volumeClaimTemplates[]/metadata/labels", true),
            FieldSpec.forKind("batch", "Job", "spec/template/metadata/labels", true),
            FieldSpec.forKind("batch", "CronJob", "spec/jobTemplate/metadata/labels", true),
            FieldSpec.forKind("batch", "CronJob", "spec/jobTemplate/spec/template/metadata/labels", true));

    /** Everything {@code commonLabels} (and {@code labels} with {@code includeSelectors}) writes. */
    static final List<FieldSpec> SELECTORS_AND_TEMPLATES = concat(TEMPLATES, List.of(
            new FieldSpec("", "v1", "Service", "spec/selector", true),
            new FieldSpec("", "v1", "ReplicationController", "spec/selector", true),
            FieldSpec.forKind("", "Deployment", "spec/selector/matchLabels", true),
            FieldSpec.forKind("", "ReplicaSet", "spec/selector/matchLabels", true),
            FieldSpec.forKind("", "DaemonSet", "spec/selector/matchLabels", true),
            FieldSpec.forKind("apps", "StatefulSet", "spec/selector/matchLabels", true),
            FieldSpec.forKind("batch", "Job", "spec/selector/matchLabels", false),
            FieldSpec.forKind("batch", "CronJob", "spec/jobTemplate/spec/selector/matchLabels", false),
            FieldSpec.forKind("policy", "PodDisruptionBudget", "spec/selector/matchLabels", false),
            FieldSpec.forKind("networking.k8s.io", "NetworkPolicy", "spec/podSelector/matchLabels", false),
            FieldSpec.forKind("networking.k8s.io", "NetworkPolicy", "spec/ingress/from/podSelector/matchLabels", false),
            FieldSpec.forKind("networking.k8s.io", "NetworkPolicy", "spec/egress/to/podSelector/matchLabels", false)),
            affinitySelectors("Deployment"), affinitySelectors("StatefulSet"));

    /** Only the object's own labels: {@code labels} without either flag. */
    static final List<FieldSpec> METADATA_ONLY = List.of(FieldSpec.anyKind("metadata/labels", true));

    private LabelFieldSpecs() {
    }

    private static List<FieldSpec> affinitySelectors(String kind) {
        return List.of(
                FieldSpec.forKind("apps", kind, POD_AFFINITY
                        + "podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels", false),
                FieldSpec.forKind("apps", kind, POD_AFFINITY
                        + "podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels", false),
                FieldSpec.forKind("apps", kind, POD_AFFINITY
                        + "podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels", false),
                FieldSpec.forKind("apps", kind, POD_AFFINITY
                        + "podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels", false),
                FieldSpec.forKind("apps", kind, "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels", false));
    }

    @SafeVarargs
    private static List<FieldSpec> concat(List<FieldSpec>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
