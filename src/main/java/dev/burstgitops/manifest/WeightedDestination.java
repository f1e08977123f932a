package dev.burstgitops.manifest;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * One entry of {@code spec.http[i].route[]} that sends traffic to a subset, with the nodes
 * an edit needs: the route item (where a missing weight goes), its {@code destination} entry
 * (below which, at whose column, a new {@code weight:} key goes) and the weight value, if written.
 *
 * @param httpIndex   i in {@code spec.http[i]}
 * @param httpRoute   the {@code spec.http[i]} item, for locations
 * @param routeItem   the {@code route[j]} mapping holding {@code destination} and {@code weight}
 * @param destination the {@code destination} key and value
 * @param subset      {@code destination.subset}
 * @param weight      the {@code weight} value node, or null when the key is absent
 */
record WeightedDestination(int httpIndex, Node httpRoute, MappingNode routeItem, NodeTuple destination,
        String subset, Node weight) {

    boolean hasWeight() {
        return weight != null;
    }
}
