package dev.burstgitops.demo;

/** The worker VirtualService's weights as the primary API server holds them: percent to each subset. */
public record RouteWeights(int primary, int burst) {

    public static final RouteWeights NATURAL = new RouteWeights(100, 0);
    public static final RouteWeights BURST = new RouteWeights(0, 100);

    /** {@code 100/0}: primary first, as the VirtualService lists them. */
    @Override
    public String toString() {
        return primary + "/" + burst;
    }
}
