package dev.burstgitops.manifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The current route weights of one VirtualService, for the subsets a policy cares about:
 * one {@link WeightedRoute} per HTTP route that sends to any of them.
 *
 * <p>A caller classifies the mode by asking {@link #allRoutesHave} with each mode's weights
 * (for the reference setup {@code natural = {primary: 100, burst: 0}}); when neither
 * matches, someone set the weights by hand (a 50 / 50 demonstration, say).
 *
 * @param virtualService {@code metadata.name}
 * @param location       where the VirtualService document starts
 * @param routes         in {@code spec.http} order; never empty, since every subset asked
 *                       about is routed to somewhere
 */
public record WeightedRoutes(String virtualService, SourceLocation location, List<WeightedRoute> routes) {

    public WeightedRoutes {
        Objects.requireNonNull(virtualService, "virtualService");
        Objects.requireNonNull(location, "location");
        routes = List.copyOf(routes);
    }

    /** Whether every route gives each of {@code expected}'s subsets that it sends to exactly that weight. */
    public boolean allRoutesHave(Map<String, Integer> expected) {
        return routes.stream().allMatch(route -> route.has(expected));
    }
}
