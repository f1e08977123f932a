package dev.burstgitops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Files of this project's own GitOps layout, to seed test remotes with the real thing. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** Every file below the given top-level directories, keyed by repository-relative path. */
    public static Map<String, String> of(String... directories) {
        Map<String, String> files = new TreeMap<>();
        for (String directory : directories) {
            try (Stream<Path> paths = Files.walk(Path.of(directory))) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    files.put(path.toString().replace('\\', '/'), Files.readString(path));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
