package dev.burstgitops.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields where two forms of one object, both as the API server returns them, differ: the live
 * object and what the server stores (or would store, in a dry run) after an apply. Since both
 * sides come from the server, in its own encoding, defaults and canonical quantities, equality is
 * exact; no rule here guesses what the server would do with a value. Only what changes on every
 * write without meaning anything is left out: managed fields, resource version, generation, the
 * timestamps the server keeps, and status, which no apply sets.
 */
final class StoredDiff {

    private static final Set<String> IGNORED = Set.of("metadata.managedFields", "metadata.resourceVersion",
            "metadata.generation", "metadata.creationTimestamp", "metadata.uid", "status");

    private StoredDiff() {
    }

    /** Every field where {@code after} differs from {@code before}, with both values; empty when they are the same. */
    static List<FieldChange> differences(Map<String, Object> before, Map<String, Object> after, boolean secret) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", before, after, secret, changes);
        changes.sort(java.util.Comparator.comparing(FieldChange::path));
        return changes;
    }

    private static void compare(String path, Object before, Object after, boolean secret, List<FieldChange> changes) {
        if (IGNORED.contains(path) || Objects.equals(before, after)) {
            return;
        }
        if (before instanceof Map<?, ?> left && after instanceof Map<?, ?> right) {
            Set<Object> keys = new LinkedHashSet<>(left.keySet());
            keys.addAll(right.keySet());
            for (Object key : keys) {
                compare(child(path, String.valueOf(key)), left.get(key), right.get(key), secret, changes);
            }
        } else if (before instanceof List<?> left && after instanceof List<?> right && left.size() == right.size()) {
            for (int i = 0; i < left.size(); i++) {
                compare(path + "[" + i + "]", left.get(i), right.get(i), secret, changes);
            }
        } else if (secret && isSecretValue(path)) {
            // A Secret's values never reach a report, a log or a pipeline's output: only that they changed.
            changes.add(FieldChange.masked(path, before != null, after != null));
        } else {
            changes.add(FieldChange.of(path.isEmpty() ? "." : path, before, after));
        }
    }

    /** A Secret's values, and kubectl's copy of them in its last-applied annotation. */
    private static boolean isSecretValue(String path) {
        return path.equals("data") || path.startsWith("data.") || path.equals("stringData")
                || path.startsWith("stringData.") || path.equals(LAST_APPLIED) || path.equals("metadata.annotations");
    }

    private static final String LAST_APPLIED = "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration";

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
