package dev.burstgitops.config;

import java.time.Duration;
import java.util.Map;

/** Reads the {@code sync} section: how often and how to sync, whether to prune, and the limits. */
final class SyncSectionReader {

    private SyncSectionReader() {
    }

    static SyncConfig read(YamlSection sync) {
        Duration interval = sync.duration("interval", Duration.ofSeconds(60));
        SyncConfig.Mode mode = sync.choice("mode", Map.of("apply", SyncConfig.Mode.APPLY,
                "detect", SyncConfig.Mode.DETECT), "apply");
        boolean prune = sync.bool("prune", true);
        String inventoryNamespace = sync.string("inventoryNamespace", "burst-gitops");
        SyncLimits limits = SyncLimits.read(sync.sectionOrEmpty("limits"));
        int maxFetchFailures = sync.integer("maxFetchFailures", SyncConfig.DEFAULT_MAX_FETCH_FAILURES);
        if (maxFetchFailures < 1) {
            sync.problem("maxFetchFailures", "must be at least 1");
        }
        sync.rejectUnknownKeys();
        return new SyncConfig(interval, mode, prune, inventoryNamespace, limits, Math.max(1, maxFetchFailures));
    }
}
