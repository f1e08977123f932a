package dev.burstgitops.decision;

import java.util.Locale;

/**
 * Where a policy's traffic goes. {@link #UNKNOWN} is never decided, only observed: the
 * repository holds weights that are neither the natural nor the burst set (a person's manual
 * 50/50 split, say).
 */
public enum Mode {
    NATURAL,
    BURST,
    UNKNOWN;

    /** The lower-case word used in commit messages, trailers and the CLI. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code natural} or {@code burst}; anything else is not a mode a person can ask for. */
    public static Mode parseTarget(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "natural" -> NATURAL;
            case "burst" -> BURST;
            default -> throw new IllegalArgumentException("mode must be natural or burst, not '" + text + "'");
        };
    }
}
