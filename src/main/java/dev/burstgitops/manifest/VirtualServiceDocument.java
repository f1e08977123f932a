package dev.burstgitops.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The VirtualService document that was asked for, walked down to the weighted destinations
 * of its HTTP routes. TCP and TLS routes are left alone: the burst split is an HTTP split.
 */
final class VirtualServiceDocument {

    private final MappingNode root;
    private final String name;
    private final VirtualServiceSource source;

    VirtualServiceDocument(MappingNode root, String name, VirtualServiceSource source) {
        this.root = root;
        this.name = name;
        this.source = source;
    }

    String name() {
        return name;
    }

    SourceLocation location() {
        return source.location(root);
    }

    /**
     * Every HTTP route destination whose subset is one of {@code subsets}, in file order.
     * Each subset must be routed to somewhere: a policy naming a subset the VirtualService
     * never routes to would otherwise "switch" traffic that does not exist.
     */
    List<WeightedDestination> destinations(Set<String> subsets) throws ManifestException {
        List<WeightedDestination> found = new ArrayList<>();
        Set<String> routedSubsets = new LinkedHashSet<>();
        Optional<MappingNode> spec = VirtualServiceNodes.mapping(root, "spec", "spec", source);
        List<Node> http = spec.isEmpty() ? List.of() : VirtualServiceNodes.sequence(spec.get(), "http", "spec.http", source);
        for (int i = 0; i < http.size(); i++) {
            String path = "spec.http[" + i + "]";
            MappingNode httpRoute = asMapping(http.get(i), path);
            Set<String> seenInThisRoute = new HashSet<>();
            List<Node> route = VirtualServiceNodes.sequence(httpRoute, "route", path + ".route", source);
            for (int j = 0; j < route.size(); j++) {
                String itemPath = path + ".route[" + j + "]";
                MappingNode item = asMapping(route.get(j), itemPath);
                Optional<WeightedDestination> destination = destination(i, httpRoute, item, itemPath);
                if (destination.isEmpty()) {
                    continue;
                }
                String subset = destination.get().subset();
                routedSubsets.add(subset);
                if (!subsets.contains(subset)) {
                    continue;
                }
                if (!seenInThisRoute.add(subset)) {
                    // Two weights for one subset in one route cannot be read as a mode.
                    throw new ManifestException(source.location(item),
                            itemPath + " routes to subset '" + subset + "' a second time in the same HTTP route");
                }
                found.add(destination.get());
            }
        }
        requireEveryRouted(subsets, routedSubsets);
        return found;
    }

    private Optional<WeightedDestination> destination(int httpIndex, MappingNode httpRoute, MappingNode item,
            String itemPath) throws ManifestException {
        Optional<NodeTuple> destination = VirtualServiceNodes.entry(item, "destination");
        if (destination.isEmpty() || !(destination.get().getValueNode() instanceof MappingNode target)) {
            return Optional.empty();
        }
        Optional<String> subset = VirtualServiceNodes.text(target, "subset");
        if (subset.isEmpty()) {
            return Optional.empty();
        }
        Node weight = VirtualServiceNodes.value(item, "weight").orElse(null);
        return Optional.of(new WeightedDestination(httpIndex, httpRoute, item,
                destination.get(), subset.get(), weight));
    }

    private void requireEveryRouted(Set<String> subsets, Set<String> routedSubsets) throws ManifestException {
        for (String subset : subsets) {
            if (!routedSubsets.contains(subset)) {
                String routed = routedSubsets.isEmpty() ? "none" : String.join(", ", routedSubsets);
                throw new ManifestException(location(), "VirtualService '" + name + "' has no HTTP route destination"
                        + " with subset '" + subset + "' (subsets it routes to: " + routed + ")");
            }
        }
    }

    private MappingNode asMapping(Node node, String path) throws ManifestException {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new ManifestException(source.location(node), path + " must be a mapping");
    }
}
