package dev.burstgitops.validate;

import dev.burstgitops.manifest.ClusterRenderer;
import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.manifest.RenderResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Check 3: each cluster directory renders under its policy, with every problem the renderer
 * finds (syntax, unsupported kustomize fields, duplicates, forbidden namespaces and kinds).
 *
 * @param cluster  the cluster's name
 * @param objects  what it renders to, for the VirtualService check and the summary
 * @param problems everything the renderer reported
 */
record ClusterRenderCheck(String cluster, List<ManifestObject> objects, List<ValidationProblem> problems) {

    static ClusterRenderCheck run(Path root, ClusterTarget target) {
        RenderResult result = new ClusterRenderer().render(root, target.path(), target.options());
        return new ClusterRenderCheck(target.name(), result.objects(),
                result.problems().stream().map(ValidationProblem::of).toList());
    }
}
