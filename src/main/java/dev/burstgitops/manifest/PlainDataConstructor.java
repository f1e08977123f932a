package dev.burstgitops.manifest;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed YAML node into the plain maps, lists and scalars a Kubernetes object is
 * made of. Composing first and constructing here keeps the node's marks (lines) available to
 * the caller, which {@code Yaml.loadAll} would throw away.
 */
final class PlainDataConstructor extends SafeConstructor {

    PlainDataConstructor(LoaderOptions options) {
        super(options);
        // An explicit !!timestamp stays the text it was written as, like an implicit one.
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    Object construct(Node document) {
        stringifyKeys(document, Collections.newSetFromMap(new IdentityHashMap<>()));
        stringifyLabelAndAnnotationValues(document);
        return constructDocument(document);
    }

    /** Kubernetes objects are JSON: every mapping key is a string, even {@code 80:} or {@code on:}. */
    private static void stringifyKeys(Node node, Set<Node> visited) {
        if (!visited.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !Tag.MERGE.equals(key.getTag())) {
                    key.setTag(Tag.STR);
                }
                stringifyKeys(tuple.getValueNode(), visited);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> stringifyKeys(item, visited));
        }
    }

    /**
     * Label and annotation values are strings to the API server. Keeping the text as written
     * ({@code 0777} stays "0777", not 511) is what kustomize does for annotations and saves an
     * apply that the server would reject.
     */
    private static void stringifyLabelAndAnnotationValues(Node document) {
        Node metadata = valueOf(document, "metadata");
        for (String field : new String[] {"labels", "annotations"}) {
            if (valueOf(metadata, field) instanceof MappingNode values) {
                for (NodeTuple tuple : values.getValue()) {
                    if (tuple.getValueNode() instanceof ScalarNode scalar) {
                        scalar.setTag(Tag.STR);
                    }
                }
            }
        }
    }

    private static Node valueOf(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && key.equals(scalar.getValue())) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }
}
