package dev.burstgitops.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The little file handling the demo needs: its work directories and their removal. */
final class DemoFiles {

    private DemoFiles() {
    }

    /** {@code dir} when given (created, and refused when it already holds files), else a new temp dir. */
    static Path workDir(java.util.Optional<Path> keep) {
        try {
            if (keep.isEmpty()) {
                return Files.createTempDirectory("burst-gitops-demo-");
            }
            Path dir = keep.get().toAbsolutePath().normalize();
            Files.createDirectories(dir);
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    // A second run would find the first run's repository and checkouts: refuse
                    // rather than mix two demos, or delete what a person put there.
                    throw new IllegalArgumentException("--keep " + dir + ": the directory is not empty");
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo directory", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
