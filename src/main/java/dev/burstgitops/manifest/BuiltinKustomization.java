package dev.burstgitops.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a directory holding a kustomization with the built-in subset: its resources (files,
 * and directories rendered as kustomizations of their own first), then its transformers.
 */
final class BuiltinKustomization {

    private final RepositoryPaths paths;
    private final ManifestLoader loader;
    private final Set<Path> inProgress = new HashSet<>();

    BuiltinKustomization(RepositoryPaths paths, ManifestLoader loader) {
        this.paths = paths;
        this.loader = loader;
    }

    RenderResult render(Path directory, Path kustomizationFile) {
        KustomizationParser.Parsed parsed = KustomizationParser.parse(kustomizationFile, paths.relative(kustomizationFile));
        RenderResult result = new RenderResult(List.of(), parsed.problems());
        inProgress.add(directory);
        for (Kustomization.Resource resource : parsed.kustomization().resources()) {
            result = result.plus(renderResource(directory, resource));
        }
        inProgress.remove(directory);
        KustomizeTransforms.apply(parsed.kustomization(), result.objects());
        return result;
    }

    private RenderResult renderResource(Path directory, Kustomization.Resource resource) {
        try {
            Path target = paths.resolveExisting(directory, resource.path(), resource.writtenAt());
            if (Files.isDirectory(target)) {
                return renderDirectory(target, resource);
            }
            if (!target.startsWith(directory)) {
                // kustomize's load restrictor: a file must be in or below the kustomization's
                // directory; only a directory (another kustomization) may live elsewhere.
                throw new ManifestException(resource.writtenAt(), "resource file '" + resource.path()
                        + "' is not in or below " + paths.relative(directory)
                        + "; kustomize only loads files from there (a directory with its own kustomization may be elsewhere)");
            }
            return loader.read(target, paths.relative(target));
        } catch (ManifestException e) {
            return RenderResult.failed(RenderProblem.of(e));
        }
    }

    private RenderResult renderDirectory(Path target, Kustomization.Resource resource) throws ManifestException {
        if (inProgress.contains(target)) {
            throw new ManifestException(resource.writtenAt(), "resource '" + resource.path()
                    + "' includes a kustomization that is already being rendered (a cycle)");
        }
        Optional<Path> kustomization = KustomizationFiles.in(target, paths);
        if (kustomization.isEmpty()) {
            throw new ManifestException(resource.writtenAt(), "resource directory '" + resource.path()
                    + "' has no kustomization.yaml; kustomize needs one in every resource directory");
        }
        return render(target, kustomization.get());
    }
}
