package dev.burstgitops.manifest;

/**
 * A manifest in the repository cannot be read, rendered or edited. The message starts with
 * the {@code file:line} it concerns so that a person can go straight to it.
 */
public class ManifestException extends Exception {

    private final transient SourceLocation location;

    public ManifestException(SourceLocation location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public ManifestException(SourceLocation location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }
}
