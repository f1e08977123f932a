package dev.burstgitops.demo;

/**
 * Picks the subset for each simulated request so that the split follows the weights exactly
 * and at once (smooth weighted round robin), where a random pick would wobble: the burst share
 * printed is then the weights' doing, not chance's.
 */
final class WeightedRouter {

    private int primaryCredit;
    private int burstCredit;

    /** {@code true} to send the next request to the burst cluster. */
    synchronized boolean toBurst(RouteWeights weights) {
        int total = weights.primary() + weights.burst();
        if (total <= 0) {
            return false; // no weights at all: Istio would not route; keep it on primary
        }
        primaryCredit += weights.primary();
        burstCredit += weights.burst();
        if (burstCredit > primaryCredit) {
            burstCredit -= total;
            return true;
        }
        primaryCredit -= total;
        return false;
    }
}
