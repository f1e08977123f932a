package dev.burstgitops.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The resources a kustomization names by URL ({@code https://…}, {@code git@…},
 * {@code github.com/org/repo//path?ref=v1}) rather than by a path in the repository. With
 * {@code render: kustomize} {@code kubectl kustomize} would fetch and apply them: content that is
 * not in Git and was never reviewed. Found before kustomize runs, in the cluster's kustomization
 * and every local one it includes.
 */
final class RemoteResources {

    private static final List<String> FIELDS = List.of("resources", "bases", "components");
    /** kustomize's own test: a scheme, an scp-like git address, or a host name followed by a path. */
    private static final Pattern REMOTE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://|git@|git::|[a-z0-9-]+(\\.[a-z0-9-]+)+/).*");

    private RemoteResources() {
    }

    static List<RenderProblem> find(RepositoryPaths paths, Path clusterDirectory) {
        List<RenderProblem> problems = new ArrayList<>();
        Set<Path> visited = new HashSet<>();
        Deque<Path> directories = new ArrayDeque<>(List.of(clusterDirectory));
        while (!directories.isEmpty()) {
            Path directory = directories.pop();
            if (!visited.add(directory)) {
                continue;
            }
            for (String name : KustomizationFiles.NAMES) {
                Path file = directory.resolve(name);
                if (Files.isRegularFile(file)) {
                    check(paths, file, directories, problems);
                }
            }
        }
        return problems;
    }

    private static void check(RepositoryPaths paths, Path file, Deque<Path> directories, List<RenderProblem> problems) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return;  // kustomize reports a broken kustomization itself
        }
        if (!(parsed instanceof Map<?, ?> kustomization)) {
            return;
        }
        for (String field : FIELDS) {
            if (kustomization.get(field) instanceof List<?> entries) {
                for (Object entry : entries) {
                    String text = String.valueOf(entry);
                    Path local = file.getParent().resolve(text).normalize();
                    if (!Files.exists(local) && REMOTE.matcher(text).matches()) {
                        problems.add(new RenderProblem(SourceLocation.of(paths.relative(file)), field + " names the remote "
                                + text + ", which is not in Git; set allowRemoteResources: true on the cluster to fetch it"));
                    } else if (Files.isDirectory(local) && local.startsWith(paths.root())) {
                        directories.push(local);
                    }
                }
            }
        }
    }
}
