package dev.burstgitops.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The YAML files {@code validate} reads: those of the layout ({@link LayoutFiles}), which must
 * parse, and every other file of the repository that may hold Kubernetes objects
 * ({@link RepositoryYamlFiles}), read for the VirtualServices and DestinationRules in it.
 *
 * @param layout repository-relative, sorted
 * @param all    the layout's files and the others, repository-relative, sorted
 */
record YamlFiles(Set<String> layout, List<String> all) {

    static YamlFiles of(Path root) {
        Set<String> layout = new TreeSet<>(LayoutFiles.yamlFiles(root));
        Set<String> all = new TreeSet<>(layout);
        all.addAll(RepositoryYamlFiles.of(root));
        return new YamlFiles(layout, List.copyOf(all));
    }

    boolean inLayout(String file) {
        return layout.contains(file);
    }
}
