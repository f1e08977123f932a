package dev.burstgitops.manifest;

import java.util.Objects;

/**
 * One thing wrong with a cluster directory, at the place a person has to fix it. Printed as
 * {@code file:line: message}, the form the {@code validate} command reports.
 */
public record RenderProblem(SourceLocation location, String message) {

    public RenderProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    static RenderProblem of(ManifestException exception) {
        String prefix = exception.location() + ": ";
        String message = exception.getMessage();
        return new RenderProblem(exception.location(),
                message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
