package dev.burstgitops.cli;

import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.sync.FieldChange;
import dev.burstgitops.sync.ObjectOutcome;
import dev.burstgitops.sync.SyncReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One cluster's pass as {@code sync -o json} prints it. */
final class ClusterPassResultJson {

    private ClusterPassResultJson() {
    }

    static Map<String, Object> of(ClusterPassResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cluster", result.cluster());
        json.put("revision", result.revision());
        json.put("failed", result.failed());
        json.put("summary", result.summary());
        if (result instanceof ClusterPassResult.Synced synced) {
            SyncReport report = synced.report();
            json.put("mode", report.mode().name().toLowerCase());
            json.put("created", report.created());
            json.put("configured", report.configured());
            json.put("unchanged", report.unchanged());
            json.put("pruned", report.pruned());
            json.put("adopted", report.adopted());
            json.put("released", report.released());
            json.put("failedObjects", report.failed());
            json.put("wouldChange", report.driftDetected());
            json.put("objects", report.outcomes().stream().map(ClusterPassResultJson::object).toList());
            json.put("warnings", report.warnings());
        } else if (result instanceof ClusterPassResult.RenderFailed failed) {
            json.put("problems", failed.problems().stream().map(Object::toString).toList());
        }
        return json;
    }

    private static Map<String, Object> object(ObjectOutcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", action(outcome));
        json.put("object", outcome.key().toString());
        outcome.source().ifPresent(source -> json.put("source", source.toString()));
        if (outcome instanceof ObjectOutcome.Configured configured) {
            json.put("changes", changes(configured.changes()));
        } else if (outcome instanceof ObjectOutcome.Adopted adopted) {
            json.put("createdBy", adopted.createdBy());
            json.put("changes", changes(adopted.changes()));
        } else if (outcome instanceof ObjectOutcome.Failed failed) {
            json.put("message", failed.message());
        } else if (outcome instanceof ObjectOutcome.Retained retained) {
            json.put("reason", retained.reason());
        }
        return json;
    }

    private static List<Map<String, Object>> changes(List<FieldChange> changes) {
        return changes.stream().map(change -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("path", change.path());
            field.put("before", change.before());
            field.put("after", change.after());
            return field;
        }).toList();
    }

    private static String action(ObjectOutcome outcome) {
        // Java 17: no pattern matching in switch yet.
        if (outcome instanceof ObjectOutcome.Created) {
            return "create";
        } else if (outcome instanceof ObjectOutcome.Configured) {
            return "update";
        } else if (outcome instanceof ObjectOutcome.Adopted) {
            return "adopt";
        } else if (outcome instanceof ObjectOutcome.Released) {
            return "release";
        } else if (outcome instanceof ObjectOutcome.Unchanged) {
            return "unchanged";
        } else if (outcome instanceof ObjectOutcome.Pruned) {
            return "prune";
        } else if (outcome instanceof ObjectOutcome.Retained) {
            return "keep";
        }
        return "failed";
    }
}
