package dev.burstgitops.decision;

/**
 * The burst share, in percent, before and after a spillover policy's decision (equal when it
 * stays). Share 0 is the natural mode, any other share is burst, so the mode-level view of a
 * spillover decision (metrics, {@code Burst-Decision}) stays meaningful.
 */
public record ShareMove(int from, int to) {

    public ShareMove {
        if (from < 0 || from > 100 || to < 0 || to > 100) {
            throw new IllegalArgumentException("a share is 0 to 100 percent, not " + from + " -> " + to);
        }
    }

    public static Mode modeOf(int share) {
        return share == 0 ? Mode.NATURAL : Mode.BURST;
    }

    public boolean changes() {
        return from != to;
    }
}
