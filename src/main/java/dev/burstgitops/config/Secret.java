package dev.burstgitops.config;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A credential read from a file or an environment variable. It prints as {@code ****} so that
 * a secret passed into a log line, an exception message or a record's {@code toString} cannot
 * leak; only {@link #reveal()} hands out the value, at the one place that sends it. A secret from
 * {@link SecretRef#readWhenUsed()} is read again at every {@link #reveal()}, so that a rotated
 * Kubernetes Secret mount is picked up without a restart.
 */
public final class Secret {

    private final Supplier<String> value;
    private final String origin;

    private Secret(Supplier<String> value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * @param value  the secret itself
     * @param origin where it came from ("file /etc/x/token", "env GIT_TOKEN"): safe to print
     */
    public static Secret of(String value, String origin) {
        Objects.requireNonNull(value, "value");
        return new Secret(() -> value, origin);
    }

    /** A secret read from {@code source} each time it is revealed; see {@link SecretRef#readWhenUsed()}. */
    static Secret readEachTime(Supplier<String> source, String origin) {
        return new Secret(source, origin);
    }

    /**
     * The value, at the one place that sends it.
     *
     * @throws SecretUnreadableException when a secret read at each use cannot be read now
     */
    public String reveal() {
        return Objects.requireNonNull(value.get(), "value");
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
