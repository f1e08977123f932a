package dev.burstgitops.gitops.forge;

import java.util.Objects;

/**
 * One request to a forge, as it may be printed: {@code github PATCH /repos/acme/fleet/pulls/7}.
 * Built from the request line only, so it can hold no credential.
 */
public record ForgeCall(String provider, String method, String path) {

    public ForgeCall {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
        return provider + " " + method + " " + path;
    }
}
