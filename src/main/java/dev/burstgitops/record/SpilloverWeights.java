package dev.burstgitops.record;

import dev.burstgitops.config.VirtualServiceConfig;
import dev.burstgitops.manifest.WeightedRoute;
import dev.burstgitops.manifest.WeightedRoutes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How a spillover policy's burst share is written in, and read back from, the VirtualService:
 * the burst subset's weight is the share and the primary's is the rest. The repository is the
 * only record of the current share, as it is of the mode for band policies.
 */
public final class SpilloverWeights {

    private SpilloverWeights() {
    }

    /** primary 100 - share, burst share. */
    static Map<String, Integer> of(VirtualServiceConfig vs, int share) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(vs.primarySubset(), 100 - share);
        weights.put(vs.burstSubset(), share);
        return weights;
    }

    /**
     * The share every route holds; empty when the routes disagree, a weight is missing, or
     * primary + burst is not 100 — a hand edit the controller does not take for a share.
     */
    static OptionalInt shareOf(VirtualServiceConfig vs, WeightedRoutes routes) {
        Integer share = null;
        for (WeightedRoute route : routes.routes()) {
            OptionalInt burst = route.weights().getOrDefault(vs.burstSubset(), OptionalInt.of(0));
            OptionalInt primary = route.weights().getOrDefault(vs.primarySubset(), OptionalInt.of(0));
            if (burst.isEmpty() || primary.isEmpty() || burst.getAsInt() + primary.getAsInt() != 100
                    || (share != null && share != burst.getAsInt())) {
                return OptionalInt.empty();
            }
            share = burst.getAsInt();
        }
        return share == null ? OptionalInt.empty() : OptionalInt.of(share);
    }
}
