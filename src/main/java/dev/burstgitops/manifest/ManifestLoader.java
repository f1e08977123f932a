package dev.burstgitops.manifest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a multi-document YAML file into {@link ManifestObject}s, each located at the line
 * where its content starts (comments and a {@code ---} line before it are not the object).
 * Empty documents are skipped; every other defect becomes a {@link RenderProblem} instead of
 * an exception, so that one bad document does not hide the next file's problems.
 */
public final class ManifestLoader {

    /** SnakeYAML's own bound on a stream; kept as the floor so that a lowered file limit never refuses kustomize output. */
    private static final int SNAKEYAML_CODE_POINTS = new LoaderOptions().getCodePointLimit();

    private final RepositoryLimits limits;

    /** A loader with the default {@link RepositoryLimits}. */
    public ManifestLoader() {
        this(RepositoryLimits.DEFAULTS);
    }

    public ManifestLoader(RepositoryLimits limits) {
        this.limits = limits;
    }

    /** Reads {@code file}, a path relative to {@code repoRoot}; it may not leave the repository. */
    public RenderResult load(Path repoRoot, String file) {
        try {
            RepositoryPaths paths = RepositoryPaths.of(repoRoot);
            Path resolved = paths.resolveExisting(paths.root(), file, SourceLocation.of(file));
            return read(resolved, paths.relative(resolved));
        } catch (ManifestException e) {
            return RenderResult.failed(RenderProblem.of(e));
        }
    }

    RenderResult read(Path file, String shownAs) {
        try {
            long size = Files.size(file);
            // Checked before reading: a file's parse time grows with the square of its size.
            if (size > limits.maxFileBytes()) {
                return RenderResult.failed(new RenderProblem(SourceLocation.of(shownAs), "is " + size
                        + " bytes, more than the " + limits.fileSizeText() + " a manifest file may hold ("
                        + RepositoryLimits.FILE_SIZE_KEY + ")"));
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), shownAs);
        } catch (CharacterCodingException e) {
            return RenderResult.failed(new RenderProblem(SourceLocation.of(shownAs), "is not UTF-8 text"));
        } catch (IOException e) {
            return RenderResult.failed(new RenderProblem(SourceLocation.of(shownAs), "cannot be read: " + e));
        }
    }

    /** Parses YAML text; {@code file} is only used to name locations. */
    public RenderResult parse(String text, String file) {
        List<ManifestObject> objects = new ArrayList<>();
        List<RenderProblem> problems = new ArrayList<>();
        LoaderOptions options = loaderOptions(codePointLimit());
        PlainDataConstructor constructor = new PlainDataConstructor(options);
        Iterator<Node> documents = yaml(constructor, options).composeAll(new StringReader(text)).iterator();
        try {
            while (documents.hasNext()) {
                Node document = documents.next();
                long limit = limits.maxExpandedYamlNodes();
                if (YamlAnchors.expandedSize(document, limit) > limit) {
                    problems.add(tooManyValues(document, file, limit));
                } else if (!isEmpty(document)) {
                    SourceLocation location = new SourceLocation(file, lineOf(document.getStartMark()));
                    toObject(constructor.construct(document), location, objects, problems);
                }
            }
        } catch (MarkedYAMLException e) {
            // The parser cannot resynchronise after a syntax error: report it and stop this file.
            problems.add(syntaxProblem(e, file));
        } catch (YAMLException e) {
            problems.add(new RenderProblem(SourceLocation.of(file), "invalid YAML: " + firstLine(e.getMessage())));
        }
        return new RenderResult(objects, problems);
    }

    /** At the first anchor when aliases blew the document up (an alias bomb?), else at the document. */
    private static RenderProblem tooManyValues(Node document, String file, long limit) {
        Optional<Node> anchored = YamlAnchors.firstAnchor(document);
        String over = limit + " values, over " + RepositoryLimits.YAML_NODES_KEY;
        return anchored.isPresent()
                ? new RenderProblem(new SourceLocation(file, lineOf(anchored.get().getStartMark())),
                        "its YAML aliases expand to more than " + over + " (an alias bomb?); write the values out")
                : new RenderProblem(new SourceLocation(file, lineOf(document.getStartMark())),
                        "the document holds more than " + over);
    }

    /** The line where the parser gave up, and, when it differs, where the construct it was reading began. */
    static RenderProblem syntaxProblem(MarkedYAMLException e, String file) {
        Mark problemMark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String message = "invalid YAML: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
        Mark contextMark = e.getContextMark();
        if (contextMark != null && e.getContext() != null && problemMark != null
                && contextMark.getLine() != problemMark.getLine()) {
            message += " (" + e.getContext() + " started at line " + lineOf(contextMark) + ")";
        }
        return new RenderProblem(new SourceLocation(file, problemMark == null ? 0 : lineOf(problemMark)), message);
    }

    @SuppressWarnings("unchecked")
    private static void toObject(Object data, SourceLocation location,
                                 List<ManifestObject> objects, List<RenderProblem> problems) {
        if (!(data instanceof Map<?, ?> map)) {
            problems.add(new RenderProblem(location, "document is not a mapping (a Kubernetes object)"));
            return;
        }
        ManifestObject object = new ManifestObject((Map<String, Object>) map, location);
        List<String> missing = new ArrayList<>();
        if (isBlank(map.get("apiVersion"))) {
            missing.add("apiVersion");
        }
        if (isBlank(map.get("kind"))) {
            missing.add("kind");
        }
        if (isBlank(object.metadata().get("name"))) {
            missing.add("metadata.name");
        }
        if (missing.isEmpty()) {
            objects.add(object);
        } else {
            problems.add(new RenderProblem(location, "object has no " + String.join(", ", missing)));
        }
    }

    /**
     * A file within {@link RepositoryLimits#maxFileBytes()} has at most that many code points, so
     * raising the limit must raise SnakeYAML's bound too, or the size check would not be the one that decides.
     */
    private int codePointLimit() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(SNAKEYAML_CODE_POINTS, limits.maxFileBytes()));
    }

    static Yaml yaml(PlainDataConstructor constructor) {
        return yaml(constructor, loaderOptions());
    }

    private static Yaml yaml(PlainDataConstructor constructor, LoaderOptions loaderOptions) {
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(constructor, new Representer(dumperOptions), dumperOptions,
                loaderOptions, new KubernetesYamlResolver());
    }

    static LoaderOptions loaderOptions() {
        return loaderOptions(SNAKEYAML_CODE_POINTS);
    }

    private static LoaderOptions loaderOptions(int codePointLimit) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(codePointLimit);
        // kustomize and the API server refuse a key given twice; so do we, at its line.
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private static boolean isEmpty(Node document) {
        return document instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    private static boolean isBlank(Object value) {
        return !(value instanceof String text) || text.isBlank();
    }

    static int lineOf(Mark mark) {
        return mark.getLine() + 1;
    }

    private static String firstLine(String message) {
        String trimmed = message == null ? "" : message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
