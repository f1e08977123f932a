package dev.burstgitops.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the demo's timeline: when (since the loops and the traffic started), what kind,
 * the sentence a person reads, and the same facts as fields for {@code --json}.
 *
 * @param type {@code status} (every 5 s), {@code crossing}, {@code gate}, {@code kubelet}, {@code commit}, {@code applied},
 *             {@code sync}, {@code failure}
 */
public record DemoEvent(Duration at, String type, String text, Map<String, Object> fields) {

    public DemoEvent {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** {@code 01:42}: minutes and seconds since the start. */
    public String clock() {
        long seconds = Math.max(0, at.toSeconds());
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }

    public String line() {
        return clock() + "  " + text;
    }

    /** The JSON object of this event: time, type, then the fields. */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("t", clock());
        json.put("elapsedMs", at.toMillis());
        json.put("event", type);
        json.putAll(fields);
        json.put("text", text);
        return json;
    }
}
