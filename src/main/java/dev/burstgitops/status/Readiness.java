package dev.burstgitops.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named start-up conditions ("config loaded", "first fetch", "first sync pass") that must all
 * be done before the controller reports ready. A condition stays done: once the controller has
 * shown it can do each thing, a later failure is liveness and retry business, and flapping
 * readiness would only pull the pod out of its Service for nothing.
 */
public final class Readiness {

    // Insertion order, so /readyz lists pending conditions in the order they will be met.
    private final Map<String, Boolean> conditions = new LinkedHashMap<>();

    public Readiness(String... required) {
        for (String condition : required) {
            require(condition);
        }
    }

    /** Adds a condition that is not yet done; a condition already required is left as it is. */
    public synchronized void require(String condition) {
        conditions.putIfAbsent(condition, false);
    }

    public synchronized void done(String condition) {
        if (!conditions.containsKey(condition)) {
            // A typo here would otherwise leave the real condition pending forever, silently.
            throw new IllegalArgumentException("readiness condition '" + condition + "' was never required");
        }
        conditions.put(condition, true);
    }

    public synchronized ReadinessReport check() {
        List<String> pending = new ArrayList<>();
        List<String> done = new ArrayList<>();
        conditions.forEach((condition, isDone) -> (isDone ? done : pending).add(condition));
        return new ReadinessReport(pending, done);
    }
}
