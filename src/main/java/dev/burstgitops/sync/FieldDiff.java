package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a live object already holds every field the repository asks for (desired ⊆ live), and
 * if not, which fields differ. Fields the server adds (status, uid, defaults) are ignored because
 * only desired fields are visited. This is what lets an unchanged repository cost no writes.
 *
 * <p>Maps are compared key by key, recursively; lists element by element, in order, and must have
 * the same length (the applied list replaces the live one). Scalars compare by value, with a number
 * equal to its text ({@code 80} and {@code "80"}, {@code 1} and {@code 1.0}) because YAML authors
 * and API servers do not always agree on quoting.
 */
final class FieldDiff {

    /** Fields the API server owns: a manifest that carries them (kubectl's dry-run output does) asks nothing. */
    private static final Set<String> SERVER_OWNED = Set.of("metadata.creationTimestamp", "metadata.resourceVersion",
            "metadata.uid", "metadata.generation", "metadata.managedFields", "status");
    /** Resource quantities, which the API server writes in its canonical form (0.5 becomes 500m). */
    private static final Pattern QUANTITY_FIELD =
            Pattern.compile("(^|\\.)(requests|limits|hard|capacity|allocatable|overhead)\\.[^.\\[]+$");

    private FieldDiff() {
    }

    /** The paths ({@code spec.http[0].route[1].weight}) where live does not hold desired; empty when it does. */
    static List<String> changedFields(Map<String, Object> desired, Map<String, Object> live) {
        return differences(desired, live).stream().map(FieldChange::path).toList();
    }

    /** Where live does not hold desired, with both values; empty when it does. */
    static List<FieldChange> differences(Map<String, Object> desired, Map<String, Object> live) {
        List<FieldChange> changed = new ArrayList<>();
        compare("", desired, live, changed);
        return changed;
    }

    private static void compare(String path, Object desired, Object live, List<FieldChange> changed) {
        if (SERVER_OWNED.contains(path)) {
            return;
        }
        if (desired instanceof Map<?, ?> desiredMap) {
            if (!(live instanceof Map<?, ?> liveMap)) {
                changed.add(FieldChange.of(orRoot(path), live, desired));
                return;
            }
            desiredMap.forEach((key, value) -> compare(child(path, String.valueOf(key)), value, liveMap.get(key), changed));
        } else if (desired instanceof List<?> desiredList) {
            if (!(live instanceof List<?> liveList) || liveList.size() != desiredList.size()) {
                changed.add(FieldChange.of(orRoot(path), live, desired));
                return;
            }
            for (int i = 0; i < desiredList.size(); i++) {
                compare(path + "[" + i + "]", desiredList.get(i), liveList.get(i), changed);
            }
        } else if (!sameScalar(desired, live) && !sameQuantity(path, desired, live)) {
            changed.add(FieldChange.of(orRoot(path), live, desired));
        }
    }

    static boolean sameScalar(Object desired, Object live) {
        if (desired == null) {
            // "key: null" in YAML asks for the field to be absent.
            return live == null;
        }
        if (live == null) {
            // The API server leaves a false boolean out of what it returns (Go's omitempty), so
            // `globalDefault: false` would otherwise look changed on every pass.
            return Boolean.FALSE.equals(desired);
        }
        if (live instanceof Map || live instanceof List) {
            return false;
        }
        if (desired.equals(live)) {
            return true;
        }
        BigDecimal desiredNumber = asNumber(desired);
        BigDecimal liveNumber = asNumber(live);
        if (desiredNumber != null && liveNumber != null) {
            return desiredNumber.compareTo(liveNumber) == 0;
        }
        return (desired instanceof Boolean || live instanceof Boolean) && desired.toString().equals(live.toString());
    }

    /** {@code cpu: 0.5} and {@code 500m}, {@code 1024Mi} and {@code 1Gi}: the same amount, written twice. */
    static boolean sameQuantity(String path, Object desired, Object live) {
        if (desired == null || live == null || !QUANTITY_FIELD.matcher(path).find()) {
            return false;
        }
        try {
            return Quantity.getAmountInBytes(new Quantity(desired.toString()))
                    .compareTo(Quantity.getAmountInBytes(new Quantity(live.toString()))) == 0;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }

    private static BigDecimal asNumber(Object value) {
        try {
            return value instanceof Number || value instanceof String ? new BigDecimal(value.toString().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String orRoot(String path) {
        return path.isEmpty() ? "." : path;
    }
}
