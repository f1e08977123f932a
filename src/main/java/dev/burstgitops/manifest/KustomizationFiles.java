package dev.burstgitops.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds a directory's kustomization file under one of the names kustomize accepts. */
final class KustomizationFiles {

    static final List<String> NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private KustomizationFiles() {
    }

    static Optional<Path> in(Path directory, RepositoryPaths paths) throws ManifestException {
        List<Path> found = NAMES.stream().map(directory::resolve).filter(Files::isRegularFile).toList();
        if (found.size() > 1) {
            // kustomize refuses to guess which one is meant; so do we.
            throw new ManifestException(SourceLocation.of(paths.relative(directory)),
                    "holds more than one kustomization file: "
                            + found.stream().map(path -> path.getFileName().toString()).toList());
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static boolean isKustomizationName(Path file) {
        return NAMES.contains(file.getFileName().toString());
    }
}
