package dev.burstgitops.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The weights one HTTP route ({@code spec.http[index]}) gives the subsets that were asked
 * about, in the order the route lists them.
 *
 * @param index    position in {@code spec.http}
 * @param location where the route starts
 * @param weights  subset → weight; {@link OptionalInt#empty()} when the destination has no
 *                 {@code weight:} key. Subsets this route does not send to are not keys.
 */
public record WeightedRoute(int index, SourceLocation location, Map<String, OptionalInt> weights) {

    public WeightedRoute {
        Objects.requireNonNull(location, "location");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /**
     * Whether every subset of {@code expected} that this route sends to has exactly the
     * expected weight written. An absent weight matches nothing: what Istio makes of it
     * depends on the other destinations, so it is never taken for a mode.
     */
    public boolean has(Map<String, Integer> expected) {
        for (Map.Entry<String, OptionalInt> weight : weights.entrySet()) {
            Integer wanted = expected.get(weight.getKey());
            if (wanted != null && (weight.getValue().isEmpty() || weight.getValue().getAsInt() != wanted)) {
                return false;
            }
        }
        return true;
    }
}
