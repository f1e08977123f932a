package dev.burstgitops.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cluster directory without a kustomization: every {@code *.yaml}/{@code *.yml} below it,
 * recursively, in the order of their repository-relative paths so that the result does not
 * depend on the file system's listing order.
 */
final class PlainDirectory {

    private final RepositoryPaths paths;
    private final ManifestLoader loader;

    PlainDirectory(RepositoryPaths paths, ManifestLoader loader) {
        this.paths = paths;
        this.loader = loader;
    }

    RenderResult render(Path directory) {
        List<Path> files;
        // Links are followed so that a linked directory inside the repository counts; each
        // file's real path is checked below, so a link cannot bring in a file from outside.
        try (Stream<Path> walk = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(PlainDirectory::isYaml).filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(path -> directory.relativize(path).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return RenderResult.failed(new RenderProblem(SourceLocation.of(paths.relative(directory)),
                    "cannot be listed: " + e.getMessage()));
        }
        RenderResult result = RenderResult.empty();
        List<RenderProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String shownAs = paths.relative(directory) + "/" + directory.relativize(file).toString().replace('\\', '/');
            if (KustomizationFiles.isKustomizationName(file)) {
                problems.add(new RenderProblem(SourceLocation.of(shownAs), "a kustomization below the cluster directory"
                        + " is only used through the 'resources' of a kustomization at the cluster directory itself"));
                continue;
            }
            try {
                Path real = paths.insideOrRefused(file, shownAs, SourceLocation.of(shownAs));
                result = result.plus(loader.read(real, shownAs));
            } catch (ManifestException e) {
                problems.add(RenderProblem.of(e));
            }
        }
        return result.withMoreProblems(problems);
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
