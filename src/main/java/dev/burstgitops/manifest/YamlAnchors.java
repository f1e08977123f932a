package dev.burstgitops.manifest;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Guards against YAML alias bombs. Composing shares an aliased node instead of copying it, so a
 * few kilobytes of nested aliases compose in no time; it is everything that later copies the
 * objects (a deep copy, JSON for the API server) that expands them, exponentially. So the size a
 * document would have with its aliases written out is counted on the shared nodes, once each, in
 * time linear in the file, and a document over {@link RepositoryLimits#maxExpandedYamlNodes()} is refused.
 */
final class YamlAnchors {

    private YamlAnchors() {
    }

    /** How many values {@code document} holds with every alias written out (capped just past {@code limit}). */
    static long expandedSize(Node document, long limit) {
        return size(document, new IdentityHashMap<>(), limit);
    }

    private static long size(Node node, Map<Node, Long> known, long limit) {
        Long cached = known.get(node);
        if (cached != null) {
            return cached;
        }
        // A recursive alias would loop: count a node under construction as one value.
        known.put(node, 1L);
        long total = 1;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                total = capped(total + size(tuple.getKeyNode(), known, limit) + size(tuple.getValueNode(), known, limit),
                        limit);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                total = capped(total + size(item, known, limit), limit);
            }
        }
        known.put(node, total);
        return total;
    }

    /** Capped, so that the sums of a bomb cannot overflow a long. */
    private static long capped(long size, long limit) {
        return Math.min(size, limit + 1);
    }

    /** The anchored node nearest the top, the first in the file among equals: where to point a person. */
    static Optional<Node> firstAnchor(Node document) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>();
        pending.add(document);
        while (!pending.isEmpty()) {
            Node node = pending.poll();
            if (!seen.add(node)) {
                continue;
            }
            if (node.getAnchor() != null) {
                return Optional.of(node);
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    pending.add(tuple.getKeyNode());
                    pending.add(tuple.getValueNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::add);
            }
        }
        return Optional.empty();
    }
}
