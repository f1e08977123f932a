package dev.burstgitops.validate;

import dev.burstgitops.manifest.ManifestLoader;
import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.manifest.RenderProblem;
import dev.burstgitops.manifest.RenderResult;
import dev.burstgitops.manifest.RepositoryLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Check 1: every YAML file of the layout parses, every document of it; and the objects of every
 * YAML file of the repository, for the VirtualService check. Parsed with the manifest loader,
 * so that a file is refused here exactly when the renderer would refuse it.
 *
 * <p>A file outside the layout is not necessarily a manifest: its problems count only when its
 * text declares a VirtualService or DestinationRule ({@link RoutingKinds}), the only objects
 * checked there.
 *
 * @param problems   syntax problems (at the line where the parser gave up) and unreadable files
 * @param objects    the Kubernetes objects the files hold, as written (the VirtualService check
 *                   looks at them beside the rendered ones)
 * @param unparsable files with such a problem; later checks skip them rather than repeat it
 */
record RepositoryYaml(List<ValidationProblem> problems, List<ManifestObject> objects, Set<String> unparsable) {

    /**
     * How the manifest loader words a well-formed document that is no Kubernetes object. Those
     * are not problems here: a kustomization or burst-gitops.yaml is valid YAML but no object,
     * and whether a deployed object is complete is the render's business.
     */
    private static final List<String> NOT_AN_OBJECT = List.of("document is not a mapping", "object has no ");

    /** @param limits the repository limits the sync loop reads with, so that a file refused there is refused here */
    static RepositoryYaml read(Path root, YamlFiles files, RepositoryLimits limits) {
        ManifestLoader loader = new ManifestLoader(limits);
        List<ValidationProblem> problems = new ArrayList<>();
        List<ManifestObject> objects = new ArrayList<>();
        Set<String> unparsable = new LinkedHashSet<>();
        for (String file : files.all()) {
            RenderResult loaded = loader.load(root, file);
            List<RenderProblem> refused = loaded.problems().stream()
                    .filter(problem -> NOT_AN_OBJECT.stream().noneMatch(problem.message()::startsWith))
                    .toList();
            if (!refused.isEmpty() && (files.inLayout(file) || RoutingKinds.declaredIn(root.resolve(file)))) {
                refused.forEach(problem -> problems.add(ValidationProblem.of(problem)));
                unparsable.add(file);
            }
            objects.addAll(loaded.objects());
        }
        return new RepositoryYaml(problems, objects, unparsable);
    }
}
