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
 * The content a kustomization names by URL ({@code https://…}, {@code git@…},
 * {@code github.com/org/repo//path?ref=v1}) rather than by a path in the repository, in every
 * field kustomize reads a file or a base from: with {@code render: kustomize}, {@code kubectl
 * kustomize} would fetch and apply it, content that is not in Git and was never reviewed. An
 * entry that reads as a URL is a URL, whatever files exist (a committed file named like the URL
 * must not let kustomize fetch it). Found before kustomize runs, in the cluster's kustomization
 * and every local one it includes, so {@code validate} finds the same without fetching.
 */
final class RemoteResources {

    /** Lists of paths, bases or components. */
    private static final List<String> PATH_LISTS = List.of("resources", "bases", "components", "crds",
            "configurations", "transformers", "generators", "validators", "patchesStrategicMerge");
    /** Lists of objects whose {@code path} names a file. */
    private static final List<String> PATH_OBJECTS = List.of("patches", "patchesJson6902", "replacements");
    private static final List<String> GENERATORS = List.of("configMapGenerator", "secretGenerator");
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
        List<Entry> entries = new ArrayList<>();
        for (String field : PATH_LISTS) {
            list(kustomization.get(field)).forEach(item -> entries.add(new Entry(field, item)));
        }
        for (String field : PATH_OBJECTS) {
            for (Object item : list(kustomization.get(field))) {
                entries.add(new Entry(field + ".path", item instanceof Map<?, ?> map ? map.get("path") : null));
            }
        }
        for (String field : GENERATORS) {
            for (Object item : list(kustomization.get(field))) {
                if (item instanceof Map<?, ?> generator) {
                    list(generator.get("files")).forEach(f -> entries.add(new Entry(field + ".files", afterKey(f))));
                    list(generator.get("envs")).forEach(env -> entries.add(new Entry(field + ".envs", env)));
                    entries.add(new Entry(field + ".env", generator.get("env")));
                }
            }
        }
        if (kustomization.get("openapi") instanceof Map<?, ?> openapi) {
            entries.add(new Entry("openapi.path", openapi.get("path")));
        }
        for (Object chart : list(kustomization.get("helmCharts"))) {
            // A chart from a repository is fetched by kustomize's helm; only a chart in Git is not.
            if (chart instanceof Map<?, ?> helm && helm.get("repo") != null) {
                entries.add(new Entry("helmCharts.repo", String.valueOf(helm.get("repo")), true));
            }
        }
        for (Entry entry : entries) {
            if (!(entry.value() instanceof String text)) {
                continue;  // inline patches and transformer configs are content, not a place
            }
            if (entry.alwaysRemote() || REMOTE.matcher(text.strip()).matches()) {
                problems.add(new RenderProblem(SourceLocation.of(paths.relative(file)), entry.field() + " names the remote "
                        + text + ", which is not in Git; set allowRemoteResources: true on the cluster to fetch it"));
                continue;
            }
            Path local = file.getParent().resolve(text).normalize();
            if (Files.isDirectory(local) && local.startsWith(paths.root())) {
                directories.push(local);
            }
        }
    }

    /** One value a field names, with the field's path for the problem. */
    private record Entry(String field, Object value, boolean alwaysRemote) {
        Entry(String field, Object value) {
            this(field, value, false);
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** A generator's {@code files} entry may be {@code key=path}. */
    private static Object afterKey(Object entry) {
        return entry instanceof String text && text.contains("=") && !REMOTE.matcher(text).matches()
                ? text.substring(text.indexOf('=') + 1) : entry;
    }
}
