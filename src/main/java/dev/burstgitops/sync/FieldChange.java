package dev.burstgitops.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One field a pass changes (or would change) on a live object, with its value before and after,
 * for {@code sync --dry-run --diff}: {@code spec.replicas: 2 -> 3}.
 *
 * @param before the live value as JSON, or null when the field is absent
 * @param after  the desired value as JSON, or null when the field goes away
 */
public record FieldChange(String path, String before, String after) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static FieldChange of(String path, Object live, Object desired) {
        return new FieldChange(path, json(live), json(desired));
    }

    /** A field this controller applied before and the repository no longer has: the server removes it. */
    static FieldChange removed(String path) {
        return new FieldChange(path + " (removed)", "(applied by burst-gitops)", null);
    }

    /** {@code spec.replicas: 2 -> 3}; an absent side reads {@code (none)}. */
    public String line() {
        return path + ": " + (before == null ? "(none)" : before) + " -> " + (after == null ? "(none)" : after);
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
