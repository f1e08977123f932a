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
 * time linear in the file, and a document over {@link #MAX_EXPANDED_VALUES} is refused.
 */
final class YamlAnchors {

    /** Far beyond any real object (the API server refuses objects over ~1.5 MiB), far below the heap. */
    static final long MAX_EXPANDED_VALUES = 1_000_000;

    private YamlAnchors() {
    }

    /** How many values {@code document} holds with every alias written out (capped just past the limit). */
    static long expandedSize(Node document) {
        return size(document, new IdentityHashMap<>());
    }

    private static long size(Node node, Map<Node, Long> known) {
        Long cached = known.get(node);
        if (cached != null) {
            return cached;
        }
        // A recursive alias would loop: count a node under construction as one value.
        known.put(node, 1L);
        long total = 1;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                total = capped(total + size(tuple.getKeyNode(), known) + size(tuple.getValueNode(), known));
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                total = capped(total + size(item, known));
            }
        }
        known.put(node, total);
        return total;
    }

    private static long capped(long size) {
        return Math.min(size, MAX_EXPANDED_VALUES + 1);
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
