package dev.burstgitops.gitops;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One git trailer line, {@code Key: value}. Keys are restricted to what {@code git
 * interpret-trailers} and JGit's footer parser both recognise, so that a trailer we write is
 * always read back.
 */
public record Trailer(String key, String value) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    public Trailer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("trailer key '" + key + "' must be letters, digits and dashes");
        }
        if (value.isBlank() || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("trailer " + key + " needs a one-line value");
        }
        value = value.strip();
    }

    /** Git compares trailer keys without regard to case. */
    public boolean hasKey(String otherKey) {
        return key.equalsIgnoreCase(otherKey);
    }

    @Override
    public String toString() {
        return key + ": " + value;
    }
}
