package dev.burstgitops.manifest;

import java.util.List;
import java.util.Map;

/**
 * The part of a {@code kustomization.yaml} the built-in renderer understands.
 *
 * @param file         where the kustomization is, for problems about it as a whole
 * @param resources    files and directories, in the order written
 * @param namespace    empty when the kustomization sets none
 * @param commonLabels labels for objects, selectors and pod templates
 * @param labels       the newer {@code labels} list
 */
record Kustomization(SourceLocation file, List<Resource> resources, String namespace,
                     Map<String, String> commonLabels, List<LabelSet> labels) {

    Kustomization {
        resources = List.copyOf(resources);
        commonLabels = Map.copyOf(commonLabels);
        labels = List.copyOf(labels);
    }

    /** One entry of {@code resources}, with the line it is written on. */
    record Resource(String path, SourceLocation writtenAt) {
    }

    /** One entry of {@code labels}. */
    record LabelSet(Map<String, String> pairs, boolean includeSelectors, boolean includeTemplates) {

        LabelSet {
            pairs = Map.copyOf(pairs);
        }

        List<FieldSpec> fieldSpecs() {
            if (includeSelectors) {
                return LabelFieldSpecs.SELECTORS_AND_TEMPLATES;
            }
            return includeTemplates ? LabelFieldSpecs.TEMPLATES : LabelFieldSpecs.METADATA_ONLY;
        }
    }
}
