package dev.burstgitops.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns "these subsets get these weights" into character edits of the original text.
 *
 * <p>Only weight scalars are touched, so that the commit a person reviews shows the weight
 * change and nothing else: comments, quoting, key order, indentation and the other
 * documents of the file stay byte for byte as they were. A weight that already has the
 * desired value produces no edit at all.
 */
final class WeightEditor {

    private final VirtualServiceSource source;

    WeightEditor(VirtualServiceSource source) {
        this.source = source;
    }

    String apply(List<WeightedDestination> destinations, Map<String, Integer> desired) throws ManifestException {
        List<WeightTextEdit> edits = new ArrayList<>();
        for (WeightedDestination destination : destinations) {
            int target = desired.get(destination.subset());
            if (!destination.hasWeight()) {
                edits.add(insertion(destination, target));
            } else if (WeightValue.parse(destination.weight(), source) != target) {
                edits.add(replacement((ScalarNode) destination.weight(), target));
            }
        }
        // The very same String when nothing changed: callers use identity/equality to skip a commit.
        return edits.isEmpty() ? source.text() : WeightTextEdit.applyAll(source.text(), edits);
    }

    /**
     * Replaces just the digits. The node's end mark follows the last digit, and a plain
     * decimal scalar is written exactly as its value, so counting back from the end leaves
     * a tag such as {@code !!int} in front untouched.
     */
    private WeightTextEdit replacement(ScalarNode weight, int target) {
        int end = source.charOffset(weight.getEndMark());
        return new WeightTextEdit(end - weight.getValue().length(), end, Integer.toString(target));
    }

    private WeightTextEdit insertion(WeightedDestination destination, int target) {
        MappingNode item = destination.routeItem();
        if (item.getFlowStyle() == FlowStyle.FLOW) {
            // {destination: {...}} -> {destination: {...}, weight: N}: right after the last
            // value, so any spacing before the closing brace stays where it was.
            List<NodeTuple> entries = item.getValue();
            Node last = entries.get(entries.size() - 1).getValueNode();
            return WeightTextEdit.insert(source.charOffset(last.getEndMark()), ", weight: " + target);
        }
        return blockInsertion(destination, target);
    }

    /** A new line {@code weight: N} right below the destination block, at the column of {@code destination:}. */
    private WeightTextEdit blockInsertion(WeightedDestination destination, int target) {
        String text = source.text();
        String line = indentationOf(destination.destination().getKeyNode()) + "weight: " + target;
        int afterDestination = source.charOffset(lastLeaf(destination.destination().getValueNode()).getEndMark());
        if (afterDestination > 0 && text.charAt(afterDestination - 1) == '\n') {
            // A block scalar ends at the start of the next line already.
            return WeightTextEdit.insert(afterDestination, line + lineEndingBefore(afterDestination - 1));
        }
        int newline = text.indexOf('\n', afterDestination);
        if (newline < 0) {
            return WeightTextEdit.insert(text.length(), (text.contains("\r\n") ? "\r\n" : "\n") + line);
        }
        return WeightTextEdit.insert(newline + 1, line + lineEndingBefore(newline));
    }

    /**
     * The node whose end is where {@code value}'s text ends. A block collection's own end
     * mark lies at the next token, possibly lines further down past comments, so descend to
     * its last scalar or flow collection instead.
     */
    private static Node lastLeaf(Node value) {
        Node node = value;
        while (isBlockCollection(node)) {
            if (node instanceof MappingNode mapping) {
                node = mapping.getValue().get(mapping.getValue().size() - 1).getValueNode();
            } else {
                List<Node> items = ((SequenceNode) node).getValue();
                node = items.get(items.size() - 1);
            }
        }
        return node;
    }

    private static boolean isBlockCollection(Node node) {
        return (node instanceof MappingNode mapping && mapping.getFlowStyle() != FlowStyle.FLOW && !mapping.getValue().isEmpty())
                || (node instanceof SequenceNode sequence && sequence.getFlowStyle() != FlowStyle.FLOW && !sequence.getValue().isEmpty());
    }

    /** Spaces up to the column of {@code key}, counted in code points as an editor shows columns. */
    private String indentationOf(Node key) {
        String text = source.text();
        int keyOffset = source.charOffset(key.getStartMark());
        int lineStart = text.lastIndexOf('\n', keyOffset - 1) + 1;
        if (lineStart == 0 && text.startsWith("\uFEFF")) {
            lineStart = 1;
        }
        return " ".repeat(text.codePointCount(lineStart, keyOffset));
    }

    /** CRLF where the file uses CRLF, so an inserted line does not mix line endings. */
    private String lineEndingBefore(int newline) {
        return newline > 0 && source.text().charAt(newline - 1) == '\r' ? "\r\n" : "\n";
    }
}
