package dev.burstgitops.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The YAML files of the GitOps layout: every {@code *.yaml}/{@code *.yml} below {@code apps/},
 * {@code clusters/} and {@code overrides/}, and those at the repository root. Only the layout,
 * not the whole tree: a code repository (this project, say) also holds YAML test fixtures that
 * are no part of what is deployed. Dot-directories ({@code .git}, {@code .github}, {@code .tekton})
 * hold tooling, not desired state, and are skipped.
 */
final class LayoutFiles {

    static final List<String> LAYOUT_DIRECTORIES = List.of("apps", "clusters", "overrides");

    private LayoutFiles() {
    }

    /** Repository-relative paths with '/' separators, sorted. */
    static List<String> yamlFiles(Path root) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> top = Files.list(root)) {
            top.filter(Files::isRegularFile).filter(LayoutFiles::isYaml).forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String directory : LAYOUT_DIRECTORIES) {
            Path start = root.resolve(directory);
            if (Files.isDirectory(start)) {
                walk(start, found);
            }
        }
        return found.stream().map(file -> relative(root, file)).sorted().toList();
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void walk(Path start, List<Path> found) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isYaml(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
