package dev.burstgitops.sync;

import dev.burstgitops.sync.ObjectOutcome.Adopted;
import dev.burstgitops.sync.ObjectOutcome.Configured;
import java.util.List;

/**
 * The configured objects of a report as the sync tests compare them: {@code "ConfigMap default/x: [data.a]"};
 * an adoption that changed something is one of them, as the report counts it.
 */
final class ConfiguredFields {

    private ConfiguredFields() {
    }

    static List<String> of(SyncReport report) {
        return report.outcomes().stream().<String>mapMulti((outcome, lines) -> {
            if (outcome instanceof Configured c) {
                lines.accept(c.key() + ": " + c.changedFields());
            } else if (outcome instanceof Adopted a && !a.changes().isEmpty()) {
                lines.accept(a.key() + ": " + a.changes().stream().map(FieldChange::path).toList());
            }
        }).toList();
    }
}
