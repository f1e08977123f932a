package dev.burstgitops.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How many resource paths a render would visit, a path reached again counted again, as a
 * renderer that follows every {@code resources}, {@code bases} and {@code components} entry
 * visits them. A few KB of kustomizations can name millions: 22 levels of bases, each naming
 * both bases of the next, are 46 files and 4 million paths, which kept a render at full CPU for
 * minutes, restarted the controller through its failing health check, and stalled it again on the
 * same commit. Counted with each directory's total remembered, so the count itself stays
 * linear in the files; past {@code sync.limits.maxRenderedResources} the render is refused before
 * either engine runs, naming the kustomization. Cycles and missing paths are left to the
 * renderers, which report them.
 */
final class ResourceFanOut {

    private static final List<String> FIELDS = List.of("resources", "bases", "components");

    private final RepositoryPaths paths;
    private final long limit;
    private final Map<Path, Long> counted = new HashMap<>();
    private final Set<Path> counting = new HashSet<>();

    private ResourceFanOut(RepositoryPaths paths, long limit) {
        this.paths = paths;
        this.limit = limit;
    }

    /** The problem when the render of {@code clusterDirectory} would visit more than {@code limit} paths. */
    static Optional<RenderProblem> check(RepositoryPaths paths, Path clusterDirectory, long limit) {
        ResourceFanOut fanOut = new ResourceFanOut(paths, limit);
        long total = fanOut.count(clusterDirectory);
        if (total <= limit) {
            return Optional.empty();
        }
        Path kustomization = KustomizationFiles.NAMES.stream().map(clusterDirectory::resolve)
                .filter(Files::isRegularFile).findFirst().orElse(clusterDirectory);
        return Optional.of(new RenderProblem(SourceLocation.of(paths.relative(kustomization)), "its resources, bases and"
                + " components expand to more than " + limit + " resource paths (a base named again is counted again):"
                + " not rendered (" + RepositoryLimits.RENDERED_RESOURCES_KEY + ")"));
    }

    /** The paths a directory's kustomization expands to, at most the limit plus one. */
    private long count(Path directory) {
        Long known = counted.get(directory);
        if (known != null) {
            return known;
        }
        if (!counting.add(directory)) {
            return 0;  // a cycle: the renderer says so
        }
        long total = 0;
        for (Object entry : entries(directory)) {
            if (!(entry instanceof String text)) {
                continue;
            }
            Path local = directory.resolve(text).normalize();
            total += Files.isDirectory(local) && local.startsWith(paths.root()) ? count(local) : 1;
            if (total > limit) {
                total = limit + 1;
                break;
            }
        }
        counting.remove(directory);
        counted.put(directory, total);
        return total;
    }

    private static List<Object> entries(Path directory) {
        for (String name : KustomizationFiles.NAMES) {
            Path file = directory.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Object parsed;
            try {
                parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                return List.of();  // the renderer reports a broken kustomization itself
            }
            if (parsed instanceof Map<?, ?> kustomization) {
                java.util.ArrayList<Object> entries = new java.util.ArrayList<>();
                for (String field : FIELDS) {
                    if (kustomization.get(field) instanceof List<?> list) {
                        entries.addAll(list);
                    }
                }
                return entries;
            }
            return List.of();
        }
        return List.of();
    }
}
