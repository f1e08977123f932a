package dev.burstgitops.server;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /status} with a {@code build} field first — the version and Git commit the running jar
 * was built from — and the wrapped source's own fields after it, at the same level, so that
 * readers of those fields see no change.
 */
public final class StatusWithBuild implements StatusSource {

    private final StatusSource status;
    private final Build build;

    public StatusWithBuild(StatusSource status, String version, String commit) {
        this.status = Objects.requireNonNull(status, "status");
        this.build = new Build(Objects.requireNonNull(version, "version"), Objects.requireNonNull(commit, "commit"));
    }

    @Override
    public Object status() {
        Object inner = status.status();
        if (inner instanceof Map<?, ?> map) {
            // Jackson cannot unwrap a Map into its parent; merge it instead.
            Map<Object, Object> merged = new LinkedHashMap<>();
            merged.put("build", build);
            merged.putAll(map);
            return merged;
        }
        return new WithBuild(build, inner);
    }

    /** What {@code --version} prints and {@code burst_gitops_build_info} carries. */
    record Build(String version, String commit) {
    }

    /** The source's object (a record, written as its properties) with {@code build} before its fields. */
    record WithBuild(Build build, @JsonUnwrapped Object status) {
    }
}
