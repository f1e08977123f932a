package dev.burstgitops.config;

/**
 * A secret read at each use ({@link SecretRef#readWhenUsed()}) could not be read at this use: its
 * file went missing or unreadable after start-up. Unchecked, because it surfaces wherever the
 * secret is revealed (a Git fetch, a Prometheus query, a forge call); the loop running that step
 * counts it as a failure of the step and retries. The message names the key and the file, never
 * the value.
 */
public final class SecretUnreadableException extends RuntimeException {

    public SecretUnreadableException(String message) {
        super(message);
    }
}
