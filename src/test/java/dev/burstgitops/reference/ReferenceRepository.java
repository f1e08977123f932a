package dev.burstgitops.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's committed manifests (apps/, clusters/, gitops-repo-template/) as files and objects. */
final class ReferenceRepository {
    static final Path ROOT = findRoot();

    private ReferenceRepository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    /** Every {@code *.yaml}/{@code *.yml} file below the given repository directories, sorted. */
    static List<Path> yamlFilesUnder(String... directories) {
        List<Path> files = new ArrayList<>();
        for (String directory : directories) {
            try (Stream<Path> walk = Files.walk(path(directory))) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** Every Kubernetes object (a document with {@code kind}) in the YAML files below the directories. */
    static List<Manifest> objectsUnder(String... directories) {
        List<Manifest> objects = new ArrayList<>();
        for (Path file : yamlFilesUnder(directories)) {
            for (Manifest document : Manifest.loadAll(read(file), ROOT.relativize(file).toString())) {
                if (document.kind() != null) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("apps")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (pom.xml beside apps/) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
