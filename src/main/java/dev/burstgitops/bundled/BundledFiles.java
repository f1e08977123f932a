package dev.burstgitops.bundled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The file trees shipped inside the jar: the reference layout ({@code apps/}, {@code clusters/})
 * the demo seeds its repository with, and the repository template {@code init} writes out.
 * Read the same way from the jar and from {@code target/classes} in tests.
 */
public final class BundledFiles {

    public static final String REFERENCE = "bundled/reference";
    public static final String TEMPLATE = "bundled/template";

    private BundledFiles() {
    }

    /** Every file of a bundled tree, keyed by its path relative to the tree's root, in order. */
    public static Map<String, byte[]> read(String tree) {
        Path root = root(tree);
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + tree, e);
        }
        return files;
    }

    private static Path root(String tree) {
        URL url = BundledFiles.class.getClassLoader().getResource(tree);
        if (url == null) {
            throw new IllegalStateException(tree + " is missing from the build; rebuild with mvn package");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            return jarFileSystem(uri).provider().getPath(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled " + tree, e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }
}
