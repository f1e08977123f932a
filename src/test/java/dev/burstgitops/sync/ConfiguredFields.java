package dev.burstgitops.sync;

import dev.burstgitops.sync.ObjectOutcome.Configured;
import java.util.List;

/** The configured objects of a report as the sync tests compare them: {@code "ConfigMap default/x: [data.a]"}. */
final class ConfiguredFields {

    private ConfiguredFields() {
    }

    static List<String> of(SyncReport report) {
        return report.outcomes().stream().filter(Configured.class::isInstance).map(Configured.class::cast)
                .map(c -> c.key() + ": " + c.changedFields()).toList();
    }
}
