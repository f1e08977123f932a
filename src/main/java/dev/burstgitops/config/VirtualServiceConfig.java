package dev.burstgitops.config;

import dev.burstgitops.decision.Mode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The VirtualService a policy steers: the file (relative to the repository root) and the
 * object's name, the names of its two subsets, and the weights of each mode.
 */
public record VirtualServiceConfig(
        String file,
        String name,
        String primarySubset,
        String burstSubset,
        WeightPair natural,
        WeightPair burst) {

    /** The subset → weight map that puts the service in {@code mode}. */
    public Map<String, Integer> weightsFor(Mode mode) {
        WeightPair pair = switch (mode) {
            case NATURAL -> natural;
            case BURST -> burst;
            case UNKNOWN -> throw new IllegalArgumentException("no weights for an unknown mode");
        };
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(primarySubset, pair.primary());
        weights.put(burstSubset, pair.burst());
        return weights;
    }

    /** The mode whose weights these are, or {@link Mode#UNKNOWN} when neither set matches. */
    public Mode modeOf(Map<String, Integer> weights) {
        for (Mode mode : new Mode[] {Mode.NATURAL, Mode.BURST}) {
            if (weightsFor(mode).equals(weights)) {
                return mode;
            }
        }
        return Mode.UNKNOWN;
    }

    /** Weights of the primary and burst subsets, in percent. */
    public record WeightPair(int primary, int burst) {
        @Override
        public String toString() {
            return primary + "/" + burst;
        }
    }
}
