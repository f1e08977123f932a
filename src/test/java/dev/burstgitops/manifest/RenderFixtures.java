package dev.burstgitops.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The fixture repositories under src/test/resources/manifest/render. */
final class RenderFixtures {

    private RenderFixtures() {
    }

    static Path repo(String name) {
        URL url = RenderFixtures.class.getResource("/manifest/render/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy, for tests that add what git cannot keep (symbolic links, empty directories). */
    static Path copyOf(String name, Path target) {
        Path source = repo(name);
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(path -> {
                try {
                    Path copy = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
