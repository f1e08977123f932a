package dev.burstgitops.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transformers of the built-in kustomize subset: {@code namespace}, {@code commonLabels}
 * and {@code labels}, applied in that order as kustomize does, and with kustomize's quirks
 * kept on purpose (a Namespace object is renamed, a subject named {@code default} follows the
 * namespace), because the point of the subset is to produce what {@code kubectl kustomize}
 * would.
 */
final class KustomizeTransforms {

    private static final List<FieldSpec> NAMESPACE_REFERENCES = List.of(
            FieldSpec.forKind("", "Namespace", "metadata/name", true),
            FieldSpec.forKind("apiregistration.k8s.io", "APIService", "spec/service/namespace", true),
            FieldSpec.forKind("apiextensions.k8s.io", "CustomResourceDefinition",
                    "spec/conversion/webhook/clientConfig/service/namespace", false));

    private KustomizeTransforms() {
    }

    /** Transforms the objects' content in place; they were loaded for this render alone. */
    static void apply(Kustomization kustomization, List<ManifestObject> objects) {
        for (ManifestObject object : objects) {
            if (!kustomization.namespace().isEmpty()) {
                setNamespace(object, kustomization.namespace());
            }
            addLabels(object, kustomization.commonLabels(), LabelFieldSpecs.SELECTORS_AND_TEMPLATES);
            for (Kustomization.LabelSet set : kustomization.labels()) {
                addLabels(object, set.pairs(), set.fieldSpecs());
            }
        }
    }

    private static void setNamespace(ManifestObject object, String namespace) {
        if (!ClusterScopedKinds.isClusterScoped(object)) {
            object.metadata().put("namespace", namespace);
        }
        if ("RoleBinding".equals(object.kind()) || "ClusterRoleBinding".equals(object.kind())) {
            // kustomize's "default subjects only" mode: the subject named default, of any kind.
            if (object.content().get("subjects") instanceof List<?> subjects) {
                for (Object subject : subjects) {
                    if (subject instanceof Map<?, ?> map && "default".equals(map.get("name"))) {
                        asStringMap(map).put("namespace", namespace);
                    }
                }
            }
        }
        for (FieldSpec spec : NAMESPACE_REFERENCES) {
            if (spec.matches(object)) {
                spec.writeInto(object.content(), (parent, field) -> parent.put(field, namespace));
            }
        }
    }

    private static void addLabels(ManifestObject object, Map<String, String> labels, List<FieldSpec> specs) {
        if (labels.isEmpty()) {
            return;
        }
        for (FieldSpec spec : specs) {
            if (spec.matches(object)) {
                spec.writeInto(object.content(), (parent, field) -> {
                    Object existing = parent.get(field);
                    Map<String, Object> target = existing instanceof Map<?, ?> map
                            ? asStringMap(map) : new LinkedHashMap<>();
                    target.putAll(labels);
                    parent.put(field, target);
                });
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
