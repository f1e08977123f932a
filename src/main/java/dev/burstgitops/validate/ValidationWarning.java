package dev.burstgitops.validate;

import dev.burstgitops.manifest.SourceLocation;
import java.util.Comparator;
import java.util.Objects;

/**
 * Something in a repository that will work, but probably not as meant: the controller starts
 * with it and {@code validate} still exits 0. Printed as {@code file:line: warning: message},
 * the way compilers set a warning apart from an error, so that it reads as advice and is never
 * counted among the problems a pull request must fix.
 */
public record ValidationWarning(SourceLocation location, String message) implements Comparable<ValidationWarning> {

    private static final Comparator<ValidationWarning> ORDER = Comparator
            .comparing((ValidationWarning w) -> w.location().file())
            .thenComparingInt(w -> w.location().line())
            .thenComparing(ValidationWarning::message);

    public ValidationWarning {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(ValidationWarning other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return location + ": warning: " + message;
    }
}
