package dev.burstgitops.sync;

import dev.burstgitops.sync.ObjectOutcome.Adopted;
import dev.burstgitops.sync.ObjectOutcome.Configured;
import dev.burstgitops.sync.ObjectOutcome.Created;
import dev.burstgitops.sync.ObjectOutcome.Failed;
import dev.burstgitops.sync.ObjectOutcome.Pruned;
import dev.burstgitops.sync.ObjectOutcome.Released;
import dev.burstgitops.sync.ObjectOutcome.Retained;
import dev.burstgitops.sync.ObjectOutcome.Unchanged;
import java.time.Duration;
import java.util.List;

/**
 * The result of one pass over one cluster. In detect and dry-run mode the outcomes are the plan:
 * "created" means "would be created", and nothing was written.
 *
 * @param warnings things a person should know that are not object failures ("prune skipped: ...")
 */
public record SyncReport(
        String cluster,
        SyncMode mode,
        String revision,
        List<ObjectOutcome> outcomes,
        List<WorkloadHealth> health,
        List<String> warnings,
        Duration duration) {

    /** How the warning begins that says the inventory was missing and rebuilt from the objects' labels. */
    public static final String INVENTORY_REBUILT = "inventory rebuilt: ";

    public SyncReport {
        outcomes = List.copyOf(outcomes);
        health = List.copyOf(health);
        warnings = List.copyOf(warnings);
    }

    /** Whether the pass found the inventory (or a part of it) missing and rebuilt it. */
    public boolean inventoryRebuilt() {
        return warnings.stream().anyMatch(warning -> warning.startsWith(INVENTORY_REBUILT));
    }

    public long created() {
        return count(Created.class);
    }

    /** Existing objects updated (or that would be), adoptions that changed something among them. */
    public long configured() {
        return count(Configured.class) + adoptions(true);
    }

    /** Objects the server already held as Git wants them, adoptions that changed nothing among them. */
    public long unchanged() {
        return count(Unchanged.class) + adoptions(false);
    }

    public long pruned() {
        return count(Pruned.class);
    }

    /**
     * Objects this installation did not create, taken over (or, without writes, that would be).
     * Each is also counted as configured or unchanged, as the apply itself went.
     */
    public long adopted() {
        return count(Adopted.class);
    }

    /** Adopted objects that left Git, released instead of deleted (or, without writes, that would be). */
    public long released() {
        return count(Released.class);
    }

    public long failed() {
        return count(Failed.class);
    }

    /**
     * Objects written (or, without writes, that would be) for {@code reason}: created or configured;
     * an adoption that changed something is a {@code takeover}.
     */
    public long applied(ApplyReason reason) {
        return outcomes.stream().filter(outcome -> outcome instanceof Created created && created.reason() == reason
                || outcome instanceof Configured configured && configured.reason() == reason
                || outcome instanceof Adopted adopted && !adopted.changes().isEmpty()
                && reason == ApplyReason.TAKEOVER).count();
    }

    public List<Failed> failures() {
        return outcomes.stream().filter(Failed.class::isInstance).map(Failed.class::cast).toList();
    }

    /**
     * The live cluster differed from the repository: something was (or would be) created, updated,
     * adopted (the inventory claims it even when the server held it as Git wants), pruned or released.
     */
    public boolean driftDetected() {
        return created() + configured() + adopted() + pruned() + released() > 0;
    }

    /**
     * {@code sync primary @3f2a1c9: 2 created, 1 configured, 40 unchanged, 0 pruned, 0 failed in 140 ms};
     * adoptions and releases follow only when there were any ({@code ...in 140 ms; 1 adopted, 1 released}),
     * so the line keeps its shape for whatever reads it.
     */
    public String summary() {
        String shortRevision = revision.length() > 7 ? revision.substring(0, 7) : revision;
        List<String> ownership = new java.util.ArrayList<>();
        if (adopted() > 0) {
            ownership.add(adopted() + " adopted");
        }
        if (released() > 0) {
            ownership.add(released() + " released");
        }
        return "%s %s%s: %d created, %d configured, %d unchanged, %d pruned, %d failed in %d ms%s%s".formatted(
                mode.verb(), cluster, shortRevision.isEmpty() ? "" : " @" + shortRevision,
                created(), configured(), unchanged(), pruned(), failed(), duration.toMillis(),
                mode.writes() ? "" : " (nothing written)",
                ownership.isEmpty() ? "" : "; " + String.join(", ", ownership));
    }

    /**
     * One line per object, the form {@code sync --dry-run} prints. An adoption and a release are
     * said in words ({@code would adopt ConfigMap default/x, created by kubectl}): a person must
     * see that an object not made from Git is about to be taken over.
     */
    public List<String> planLines() {
        return outcomes.stream().map(this::planLine).toList();
    }

    /**
     * What changes (or would change), field by field, the form {@code sync --dry-run --diff}
     * prints: {@code + create}, {@code ~ update} with a line per field, {@code - prune}; objects
     * that are unchanged are left out.
     */
    public List<String> diffLines() {
        List<String> lines = new java.util.ArrayList<>();
        for (ObjectOutcome outcome : outcomes) {
            String where = outcome.source().map(s -> " (" + s + ")").orElse("");
            if (outcome instanceof Created c) {
                lines.add("+ create " + c.key() + where);
            } else if (outcome instanceof Configured c) {
                lines.add("~ update " + c.key() + where);
                c.changes().forEach(change -> lines.add("    " + change.line()));
            } else if (outcome instanceof Adopted a) {
                lines.add("~ " + a.describe(mode.writes()) + where);
                a.changes().forEach(change -> lines.add("    " + change.line()));
            } else if (outcome instanceof Pruned p) {
                lines.add("- prune  " + p.key());
            } else if (outcome instanceof Released r) {
                lines.add("- " + r.describe(mode.writes()));
            } else if (outcome instanceof Failed f) {
                lines.add("! failed " + f.key() + where + ": " + f.message());
            }
        }
        return lines;
    }

    private String planLine(ObjectOutcome outcome) {
        String where = outcome.source().map(s -> " (" + s + ")").orElse("");
        // Java 17: no pattern matching in switch yet.
        if (outcome instanceof Created c) {
            return "create    " + c.key() + where;
        } else if (outcome instanceof Configured c) {
            return "update    " + c.key() + where + ": " + String.join(", ", c.changedFields());
        } else if (outcome instanceof Adopted a) {
            return a.describe(mode.writes()) + where + (a.changes().isEmpty() ? ""
                    : ": " + String.join(", ", a.changes().stream().map(FieldChange::path).toList()));
        } else if (outcome instanceof Unchanged u) {
            return "unchanged " + u.key() + where;
        } else if (outcome instanceof Pruned p) {
            return "prune     " + p.key();
        } else if (outcome instanceof Released r) {
            return r.describe(mode.writes());
        } else if (outcome instanceof Retained r) {
            return "keep      " + r.key() + ": " + r.reason();
        }
        Failed f = (Failed) outcome;
        return "FAILED    " + f.key() + where + ": " + f.message();
    }

    private long adoptions(boolean thatChangedSomething) {
        return outcomes.stream().filter(outcome -> outcome instanceof Adopted adopted
                && adopted.changes().isEmpty() != thatChangedSomething).count();
    }

    private long count(Class<? extends ObjectOutcome> type) {
        return outcomes.stream().filter(type::isInstance).count();
    }
}
