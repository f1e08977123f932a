package dev.burstgitops.manifest;

import java.util.Objects;

/**
 * Where something came from in the repository: a file relative to the repository root and a
 * 1-based line. Printed as {@code file:line}, the form editors and CI logs link to.
 */
public record SourceLocation(String file, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** A location for a whole file, when no line applies (a missing file, say). */
    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
