package dev.burstgitops.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

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

    /** A Secret value: whether it was and will be there, never what it is (as {@code kubectl diff} masks). */
    static FieldChange masked(String path, boolean before, boolean after) {
        return new FieldChange(path, before ? "(secret value)" : null, after ? "(changed secret value)" : null);
    }

    /** Fields another manager owned that this controller takes back ({@link FieldOwnership}). */
    static FieldChange takenOver(List<String> managers, List<String> paths) {
        return new FieldChange("fields owned by " + String.join(", ", managers) + " (taken over)",
                String.join(", ", managers), Fabric8ClusterApplier.FIELD_MANAGER
                + (paths.isEmpty() ? "" : ": " + String.join(", ", paths)));
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
