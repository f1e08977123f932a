package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import dev.burstgitops.manifest.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * What a pass did, or in detect and dry-run mode would do, to one object. Values, not
 * exceptions: a rejected object is a {@link Failed} outcome and the pass goes on.
 */
public sealed interface ObjectOutcome {

    ObjectKey key();

    /** Where the object is written in the repository; empty for objects only the inventory knows. */
    Optional<SourceLocation> source();

    /** The object did not exist and was (would be) created: new in Git ({@code GIT}) or deleted by someone ({@code DRIFT}). */
    record Created(ObjectKey key, SourceLocation location, ApplyReason reason) implements ObjectOutcome {
        public Created(ObjectKey key, SourceLocation location) {
            this(key, location, ApplyReason.GIT);
        }

        @Override
        public Optional<SourceLocation> source() {
            return Optional.of(location);
        }
    }

    /**
     * The live object differed in {@code changes} (paths such as {@code spec.replicas}) from what
     * the server stores once Git's configuration is applied, and was (would be) updated.
     */
    record Configured(ObjectKey key, SourceLocation location, List<FieldChange> changes, ApplyReason reason)
            implements ObjectOutcome {
        public Configured {
            changes = List.copyOf(changes);
        }

        /** Only the paths, for a report that does not show values. */
        public static Configured ofPaths(ObjectKey key, SourceLocation location, List<String> paths) {
            return new Configured(key, location, paths.stream().map(path -> new FieldChange(path, null, null)).toList(),
                    ApplyReason.GIT);
        }

        /** The changed paths: {@code spec.replicas}, {@code data.x (removed)}. */
        public List<String> changedFields() {
            return changes.stream().map(FieldChange::path).toList();
        }

        @Override
        public Optional<SourceLocation> source() {
            return Optional.of(location);
        }
    }

    /**
     * An object this installation did not create, made by {@code createdBy}, now (or, without
     * writes, would be) applied and listed in the inventory as adopted: when it leaves Git it is
     * released, not deleted. {@code changes} are what the apply changed; empty when the server
     * already held what Git wants.
     */
    record Adopted(ObjectKey key, SourceLocation location, String createdBy, List<FieldChange> changes)
            implements ObjectOutcome {
        public Adopted {
            changes = List.copyOf(changes);
        }

        /** {@code adopts ConfigMap default/x, created by kubectl}; {@code would adopt ...} when nothing is written. */
        public String describe(boolean written) {
            return (written ? "adopts " : "would adopt ") + key + ", created by " + createdBy;
        }

        @Override
        public Optional<SourceLocation> source() {
            return Optional.of(location);
        }
    }

    /** Applying Git's configuration would store what the live object already holds: no write. */
    record Unchanged(ObjectKey key, SourceLocation location) implements ObjectOutcome {
        @Override
        public Optional<SourceLocation> source() {
            return Optional.of(location);
        }
    }

    /** Applied before, no longer desired, and was (would be) deleted. */
    record Pruned(ObjectKey key) implements ObjectOutcome {
        @Override
        public Optional<SourceLocation> source() {
            return Optional.empty();
        }
    }

    /**
     * Adopted, no longer desired, and (would be) released instead of deleted: the managed labels and
     * this controller's managed fields removed, the object and every value kept, the inventory entry
     * dropped.
     */
    record Released(ObjectKey key) implements ObjectOutcome {
        /** {@code released ConfigMap default/x (adopted; kept)}; {@code would release ...} when nothing is written. */
        public String describe(boolean written) {
            return (written ? "released " : "would release ") + key + " (adopted; kept)";
        }

        @Override
        public Optional<SourceLocation> source() {
            return Optional.empty();
        }
    }

    /** No longer desired but left in place, for the reason given (no managed labels, prune disabled). */
    record Retained(ObjectKey key, String reason) implements ObjectOutcome {
        @Override
        public Optional<SourceLocation> source() {
            return Optional.empty();
        }
    }

    /** The cluster does not serve the kind, or the API server rejected the object; {@code message} says why. */
    record Failed(ObjectKey key, Optional<SourceLocation> source, String message) implements ObjectOutcome {
        @Override
        public String toString() {
            return source.map(s -> s + ": ").orElse("") + key + ": " + message;
        }
    }
}
