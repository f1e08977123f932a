package dev.burstgitops.manifest;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Lookups in a SnakeYAML node tree that keep the nodes (and so their positions) instead of
 * constructing plain maps, which would lose where anything was written.
 */
final class VirtualServiceNodes {

    private VirtualServiceNodes() {
    }

    /** The entry whose key is the plain scalar {@code key}, if the mapping has one. */
    static Optional<NodeTuple> entry(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return Optional.of(tuple);
            }
        }
        return Optional.empty();
    }

    static Optional<Node> value(MappingNode mapping, String key) {
        return entry(mapping, key).map(NodeTuple::getValueNode);
    }

    /** The text of a scalar found under {@code key}; empty when absent or not a scalar. */
    static Optional<String> text(MappingNode mapping, String key) {
        return value(mapping, key)
                .filter(ScalarNode.class::isInstance)
                .map(node -> ((ScalarNode) node).getValue());
    }

    /** The mapping under {@code key}; empty when absent, an error when something else. */
    static Optional<MappingNode> mapping(MappingNode parent, String key, String path, VirtualServiceSource source)
            throws ManifestException {
        Optional<Node> value = value(parent, key);
        if (value.isEmpty() || isNull(value.get())) {
            return Optional.empty();
        }
        if (value.get() instanceof MappingNode mapping) {
            return Optional.of(mapping);
        }
        throw new ManifestException(source.location(value.get()), path + " must be a mapping");
    }

    /** The items of the sequence under {@code key}; empty when absent, an error when something else. */
    static List<Node> sequence(MappingNode parent, String key, String path, VirtualServiceSource source)
            throws ManifestException {
        Optional<Node> value = value(parent, key);
        if (value.isEmpty() || isNull(value.get())) {
            return List.of();
        }
        if (value.get() instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        throw new ManifestException(source.location(value.get()), path + " must be a list");
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }
}
