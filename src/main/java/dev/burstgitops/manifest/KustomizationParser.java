package dev.burstgitops.manifest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a {@code kustomization.yaml} into a {@link Kustomization}, reporting every field the
 * built-in renderer does not implement at its own line. Refusing unknown fields, rather than
 * ignoring them, is the point: a silently skipped {@code patches} would apply something other
 * than what the repository says.
 */
final class KustomizationParser {

    /** The outcome: the kustomization (as much as could be read) and its problems. */
    record Parsed(Kustomization kustomization, List<RenderProblem> problems) {
    }

    private final String file;
    private final List<RenderProblem> problems = new ArrayList<>();

    private KustomizationParser(String file) {
        this.file = file;
    }

    static Parsed parse(Path realFile, String shownAs) {
        KustomizationParser parser = new KustomizationParser(shownAs);
        try {
            return parser.parse(Files.readString(realFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            parser.problem(0, "cannot be read: " + e);
            return parser.result(List.of(), "", Map.of(), List.of());
        }
    }

    private Parsed parse(String text) {
        Node root = null;
        try {
            Iterator<Node> documents = ManifestLoader.yaml(new PlainDataConstructor(ManifestLoader.loaderOptions()))
                    .composeAll(new StringReader(text)).iterator();
            root = documents.hasNext() ? documents.next() : null;
            if (documents.hasNext()) {
                problem(0, "a kustomization must be a single YAML document");
            }
        } catch (MarkedYAMLException e) {
            problems.add(ManifestLoader.syntaxProblem(e, file));
        } catch (YAMLException e) {
            problem(0, "invalid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode mapping)) {
            if (root != null && !Tag.NULL.equals(root.getTag())) {
                problem(line(root), "a kustomization must be a mapping");
            }
            return result(List.of(), "", Map.of(), List.of());
        }
        List<Kustomization.Resource> resources = new ArrayList<>();
        String namespace = "";
        Map<String, String> commonLabels = Map.of();
        List<Kustomization.LabelSet> labels = new ArrayList<>();
        for (NodeTuple field : mapping.getValue()) {
            String name = scalar(field.getKeyNode());
            Node value = field.getValueNode();
            switch (name == null ? "" : name) {
                case "apiVersion" -> { }
                case "kind" -> checkKind(value);
                case "resources" -> resources.addAll(resources(value));
                case "namespace" -> namespace = stringOrProblem(value, "namespace");
                case "commonLabels" -> commonLabels = stringMap(value, "commonLabels");
                case "labels" -> labels.addAll(labelSets(value));
                default -> unsupported(field.getKeyNode(), name);
            }
        }
        return result(resources, namespace, commonLabels, labels);
    }

    private void checkKind(Node value) {
        String kind = scalar(value);
        if (!"Kustomization".equals(kind)) {
            problem(line(value), "kind '" + kind + "' is not supported by the built-in renderer (only Kustomization);"
                    + " set render: kustomize for this cluster");
        }
    }

    private List<Kustomization.Resource> resources(Node value) {
        List<Kustomization.Resource> resources = new ArrayList<>();
        for (Node item : sequence(value, "resources")) {
            String path = scalar(item);
            if (path == null) {
                problem(line(item), "each entry of 'resources' must be a path");
            } else {
                resources.add(new Kustomization.Resource(path, new SourceLocation(file, line(item))));
            }
        }
        return resources;
    }

    private List<Kustomization.LabelSet> labelSets(Node value) {
        List<Kustomization.LabelSet> sets = new ArrayList<>();
        List<Node> items = sequence(value, "labels");
        for (int index = 0; index < items.size(); index++) {
            if (!(items.get(index) instanceof MappingNode entry)) {
                problem(line(items.get(index)), "each entry of 'labels' must be a mapping");
                continue;
            }
            Map<String, String> pairs = Map.of();
            boolean selectors = false;
            boolean templates = false;
            for (NodeTuple field : entry.getValue()) {
                String name = scalar(field.getKeyNode());
                switch (name == null ? "" : name) {
                    case "pairs" -> pairs = stringMap(field.getValueNode(), "labels[" + index + "].pairs");
                    case "includeSelectors" -> selectors = "true".equals(scalar(field.getValueNode()));
                    case "includeTemplates" -> templates = "true".equals(scalar(field.getValueNode()));
                    default -> unsupported(field.getKeyNode(), "labels[" + index + "]." + name);
                }
            }
            sets.add(new Kustomization.LabelSet(pairs, selectors, templates));
        }
        return sets;
    }

    private Map<String, String> stringMap(Node value, String field) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!(value instanceof MappingNode mapping)) {
            if (!Tag.NULL.equals(value.getTag())) {
                problem(line(value), "'" + field + "' must be a mapping of strings");
            }
            return map;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            String text = scalar(tuple.getValueNode());
            if (key == null || text == null) {
                problem(line(tuple.getKeyNode()), "'" + field + "' must be a mapping of strings");
            } else {
                map.put(key, text);
            }
        }
        return map;
    }

    private List<Node> sequence(Node value, String field) {
        if (value instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (!Tag.NULL.equals(value.getTag())) {
            problem(line(value), "'" + field + "' must be a list");
        }
        return List.of();
    }

    private String stringOrProblem(Node value, String field) {
        String text = scalar(value);
        if (text == null) {
            problem(line(value), "'" + field + "' must be a string");
            return "";
        }
        return text;
    }

    private void unsupported(Node key, String field) {
        problem(line(key), "kustomize field '" + field + "' is not supported by the built-in renderer;"
                + " set render: kustomize for this cluster");
    }

    /** The text of a scalar as written: kustomize reads these fields as strings. */
    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag()) ? scalar.getValue() : null;
    }

    private static int line(Node node) {
        return ManifestLoader.lineOf(node.getStartMark());
    }

    private void problem(int line, String message) {
        problems.add(new RenderProblem(new SourceLocation(file, line), message));
    }

    private Parsed result(List<Kustomization.Resource> resources, String namespace,
                          Map<String, String> commonLabels, List<Kustomization.LabelSet> labels) {
        Kustomization kustomization = new Kustomization(SourceLocation.of(file), resources, namespace, commonLabels, labels);
        return new Parsed(kustomization, List.copyOf(problems));
    }
}
