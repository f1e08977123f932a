package dev.burstgitops.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.burstgitops.server.StatusSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /status} with a {@code config} section: the file, the accepted version, and a refused one's problems. */
final class StatusWithConfig implements StatusSource {

    private final StatusSource status;
    private final ConfigState config;

    StatusWithConfig(StatusSource status, ConfigState config) {
        this.status = status;
        this.config = config;
    }

    @Override
    public Object status() {
        Object inner = status.status();
        if (inner instanceof Map<?, ?> map) {
            // Jackson cannot unwrap a Map into its parent; merge it instead.
            Map<Object, Object> merged = new LinkedHashMap<>(map);
            merged.put("config", config.view());
            return merged;
        }
        return new WithConfig(inner, config.view());
    }

    /** The source's object, written as its own properties, then {@code config}. */
    record WithConfig(@JsonUnwrapped Object status, Map<String, Object> config) {
    }
}
