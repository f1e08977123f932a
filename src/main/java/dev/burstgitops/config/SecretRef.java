package dev.burstgitops.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a secret is to be found: a file (a mounted Kubernetes Secret) or an environment
 * variable, named in the configuration. It is read each time it is used, so that a rotated
 * token is picked up without a restart, and read lazily, so that {@code validate} can check a
 * configuration on a machine that does not hold the secrets.
 *
 * @param key the configuration key that named it, for error messages
 */
public record SecretRef(String key, Path file, String env) {

    public SecretRef {
        Objects.requireNonNull(key, "key");
        if ((file == null) == (env == null)) {
            throw new IllegalArgumentException(key + ": name exactly one of a file or an environment variable");
        }
    }

    public static SecretRef file(String key, Path file) {
        return new SecretRef(key, file, null);
    }

    public static SecretRef env(String key, String variable) {
        return new SecretRef(key, null, variable);
    }

    /** The secret as it is now, read once. */
    public Secret read() throws ConfigException {
        return read(System.getenv());
    }

    /**
     * The secret, read now, so that a missing one stops start-up with its key path, and read again
     * each time it is revealed, so that a rotated token in a mounted Kubernetes Secret is used
     * from its next use on, without a restart. A read that fails then throws a
     * {@link SecretUnreadableException} from that use, which fails as any I/O failure does and is
     * retried by its loop.
     */
    public Secret readWhenUsed() throws ConfigException {
        Secret now = read();
        return Secret.readEachTime(() -> {
            try {
                return read().reveal();
            } catch (ConfigException e) {
                throw new SecretUnreadableException(e.getMessage());
            }
        }, now.origin());
    }

    /** Reads the secret; trailing newlines (as {@code echo} leaves them) are not part of it. */
    public Secret read(Map<String, String> environment) throws ConfigException {
        if (file != null) {
            try {
                return Secret.of(strip(Files.readString(file, StandardCharsets.UTF_8)), "file " + file);
            } catch (IOException e) {
                throw new ConfigException(key + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        String value = environment.get(env);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(key + ": environment variable " + env + " is not set");
        }
        return Secret.of(strip(value), "environment variable " + env);
    }

    private static String strip(String value) {
        return value.replaceAll("[\\r\\n]+$", "");
    }

    @Override
    public String toString() {
        return file != null ? "file " + file : "environment variable " + env;
    }
}
