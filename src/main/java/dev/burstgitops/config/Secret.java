package dev.burstgitops.config;

import java.util.Objects;

/**
 * A credential read from a file or an environment variable. It prints as {@code ****} so that
 * a secret passed into a log line, an exception message or a record's {@code toString} cannot
 * leak; only {@link #reveal()} hands out the value, at the one place that sends it.
 */
public final class Secret {

    private final String value;
    private final String origin;

    private Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * @param value  the secret itself
     * @param origin where it came from ("file /etc/x/token", "env GIT_TOKEN"): safe to print
     */
    public static Secret of(String value, String origin) {
        return new Secret(value, origin);
    }

    public String reveal() {
        return value;
    }

    /** Where the secret was read from, for error messages. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "****";
    }
}
