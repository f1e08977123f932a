package dev.burstgitops.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Renders one cluster directory of the GitOps repository into the objects to apply, and
 * checks them against the cluster's policy. It never stops at the first problem: the
 * {@code validate} command shows them all, and the sync loop applies nothing while any exist.
 *
 * <p>The steps: render with the chosen engine (within the {@link RepositoryLimits}), make
 * namespaces explicit, find duplicates and objects the controller keeps for itself, check the policy. Objects keep the engine's order (files by path, documents in order, or
 * kustomize's output order), so that two renders of one commit are identical.
 */
public final class ClusterRenderer {

    public RenderResult render(Path repoRoot, String clusterDir, RenderOptions options) {
        RepositoryPaths paths;
        Path directory;
        try {
            paths = RepositoryPaths.of(repoRoot);
            directory = paths.resolveExisting(paths.root(), clusterDir, SourceLocation.of(clusterDir));
        } catch (ManifestException e) {
            return RenderResult.failed(RenderProblem.of(e));
        }
        if (!Files.isDirectory(directory)) {
            return RenderResult.failed(new RenderProblem(SourceLocation.of(clusterDir), "is not a directory"));
        }
        Optional<RenderProblem> fanOut = ResourceFanOut.check(paths, directory, options.limits().maxRenderedResources());
        if (fanOut.isPresent()) {
            return RenderResult.failed(fanOut.get());
        }
        RenderResult rendered = switch (options.engine()) {
            case BUILTIN -> BuiltinRenderer.render(paths, directory, options.limits());
            // Without a kustomization there is nothing for kustomize to do: plain files either way.
            case KUSTOMIZE -> hasKustomization(directory)
                    ? KubectlKustomize.render(paths, directory, options)
                    : BuiltinRenderer.render(paths, directory, options.limits());
        };
        int maxObjects = options.limits().maxObjectsPerCluster();
        if (rendered.objects().size() > maxObjects) {
            return RenderResult.failed(new RenderProblem(SourceLocation.of(clusterDir), "renders "
                    + rendered.objects().size() + " objects, more than the " + maxObjects
                    + " a cluster directory may hold (" + RepositoryLimits.OBJECTS_KEY + ")"));
        }
        NamespaceDefaults.apply(rendered.objects());
        if (rendered.hasProblems() && rendered.objects().isEmpty()) {
            return rendered;  // "renders no objects" would only repeat the real problem
        }
        return rendered
                .withMoreProblems(DuplicateObjects.find(rendered.objects()))
                .withMoreProblems(ReservedObjectsCheck.check(rendered.objects(), options.reserved()))
                .withMoreProblems(ClusterPolicyCheck.check(rendered.objects(), options.policy(), SourceLocation.of(clusterDir)));
    }

    private static boolean hasKustomization(Path directory) {
        return KustomizationFiles.NAMES.stream().anyMatch(name -> Files.isRegularFile(directory.resolve(name)));
    }
}
