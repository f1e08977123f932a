package dev.burstgitops.manifest;

import java.nio.file.Path;
import java.util.Optional;

/** The in-process engine: the kustomize subset when the directory has a kustomization, else plain files. */
final class BuiltinRenderer {

    private BuiltinRenderer() {
    }

    static RenderResult render(RepositoryPaths paths, Path clusterDirectory, RepositoryLimits limits) {
        ManifestLoader loader = new ManifestLoader(limits);
        try {
            Optional<Path> kustomization = KustomizationFiles.in(clusterDirectory, paths);
            return kustomization.isPresent()
                    ? new BuiltinKustomization(paths, loader).render(clusterDirectory, kustomization.get())
                    : new PlainDirectory(paths, loader).render(clusterDirectory);
        } catch (ManifestException e) {
            return RenderResult.failed(RenderProblem.of(e));
        }
    }
}
