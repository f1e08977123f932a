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
import java.util.Set;

/**
 * Every YAML file of the repository that may hold Kubernetes objects, wherever the layout keeps
 * them: a team may keep its VirtualServices in {@code mesh/} and apply them by other means, and
 * a route that adds up to 110 there breaks traffic all the same. Unlike {@link LayoutFiles},
 * which names the files whose syntax must hold, this reaches the whole tree, so it leaves out
 * what is known to be no desired state:
 *
 * <ul>
 *   <li>dot-directories and dot-files ({@code .git}, {@code .github}, {@code .tekton},
 *       {@code .gitlab-ci.yml}): tooling and CI;</li>
 *   <li>{@code overrides/}, kustomization files and {@code burst-gitops.yaml}: read by the
 *       controller or the renderer, never applied;</li>
 *   <li>at the root, the build and dependency trees of a code repository ({@code src},
 *       {@code target}, {@code build}, {@code node_modules}, {@code vendor}, {@code testdata}):
 *       their YAML is test fixtures and packaged resources, broken on purpose as often as not
 *       (this project's own {@code src/test/resources/validate/weights-90-20}). Only at the
 *       root: {@code apps/build/} is as likely an application called build;</li>
 *   <li>a directory below the root that is a tree of its own: another layout (its own
 *       {@code burst-gitops.yaml}, as a repository template has), a nested checkout
 *       ({@code .git}) or a Helm chart ({@code Chart.yaml}, whose templates are YAML only once
 *       rendered). Each is validated, or rendered, on its own.</li>
 * </ul>
 */
final class RepositoryYamlFiles {

    static final Set<String> CODE_DIRECTORIES = Set.of("src", "target", "build", "node_modules", "vendor", "testdata");
    /** Files whose presence makes a directory a tree of its own. */
    static final List<String> OWN_TREE_MARKERS = List.of(ConfigSource.FILE, ".git", "Chart.yaml");
    static final Set<String> NOT_MANIFESTS = Set.of(ConfigSource.FILE, "kustomization.yaml", "kustomization.yml",
            "Kustomization");

    private RepositoryYamlFiles() {
    }

    /** Repository-relative paths with '/' separators, sorted. */
    static List<String> of(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(root) || included(root, dir) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && LayoutFiles.isYaml(file) && !name.startsWith(".")
                            && !NOT_MANIFESTS.contains(name)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream().map(file -> LayoutFiles.relative(root, file)).sorted().toList();
    }

    private static boolean included(Path root, Path dir) {
        String name = dir.getFileName().toString();
        if (name.startsWith(".")) {
            return false;
        }
        if (dir.getParent().equals(root) && (CODE_DIRECTORIES.contains(name) || name.equals(OverrideCheck.DIRECTORY))) {
            return false;
        }
        return OWN_TREE_MARKERS.stream().noneMatch(marker -> Files.exists(dir.resolve(marker)));
    }
}
