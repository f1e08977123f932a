package dev.burstgitops.validate;

import dev.burstgitops.manifest.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a field inside an object, from the object's document location: a
 * {@code ManifestObject} knows only where its document starts, but a person fixing route 2
 * wants to land on route 2. When the field cannot be found (the object came from
 * {@code kubectl kustomize} output, which is no file), the document's own location is used.
 */
final class DocumentLines {

    private final Path root;
    /** Documents by file, each parsed once however many problems it has. */
    private final Map<String, List<Node>> documents = new HashMap<>();

    DocumentLines(Path root) {
        this.root = root;
    }

    /** @param path keys (String) and list positions (Integer) from the document root */
    SourceLocation locate(SourceLocation document, List<Object> path) {
        return documentAt(document)
                .flatMap(node -> descend(node, path))
                .map(node -> new SourceLocation(document.file(), node.getStartMark().getLine() + 1))
                .orElse(document);
    }

    /** The line of a field of a file's first document, for files that are one document (an override). */
    SourceLocation locate(String file, List<Object> path) {
        return documents.computeIfAbsent(file, this::parse).stream().findFirst()
                .flatMap(node -> descend(node, path))
                .map(node -> new SourceLocation(file, node.getStartMark().getLine() + 1))
                .orElse(SourceLocation.of(file));
    }

    /**
     * The line (1-based) of a field in YAML text that is no file of its own (a configuration
     * embedded in a ConfigMap); 0 when the text does not parse or has no such field.
     */
    static int lineIn(String text, List<Object> path) {
        try {
            return Optional.ofNullable(new Yaml(new LoaderOptions()).compose(new StringReader(text)))
                    .flatMap(node -> descend(node, path))
                    .map(node -> node.getStartMark().getLine() + 1)
                    .orElse(0);
        } catch (RuntimeException e) {
            return 0;  // the text's own problem is reported by the configuration check
        }
    }

    private Optional<Node> documentAt(SourceLocation document) {
        return documents.computeIfAbsent(document.file(), this::parse).stream()
                .filter(node -> node.getStartMark().getLine() + 1 == document.line())
                .findFirst();
    }

    private List<Node> parse(String file) {
        Path path = root.resolve(file);
        if (!Files.isRegularFile(path)) {
            return List.of();
        }
        try {
            List<Node> nodes = new ArrayList<>();
            new Yaml(new LoaderOptions()).composeAll(new StringReader(Files.readString(path, StandardCharsets.UTF_8)))
                    .forEach(nodes::add);
            return nodes;
        } catch (IOException | RuntimeException e) {
            return List.of();  // the document line is still right; the file's own problem is reported elsewhere
        }
    }

    private static Optional<Node> descend(Node node, List<Object> path) {
        Node current = node;
        for (Object step : path) {
            Optional<Node> next = step instanceof Integer index ? item(current, index) : value(current, step.toString());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    private static Optional<Node> value(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return Optional.of(tuple.getValueNode());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Node> item(Node node, int index) {
        if (node instanceof SequenceNode sequence && index < sequence.getValue().size()) {
            return Optional.of(sequence.getValue().get(index));
        }
        return Optional.empty();
    }
}
