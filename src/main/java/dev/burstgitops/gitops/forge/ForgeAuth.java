package dev.burstgitops.gitops.forge;

import dev.burstgitops.config.Secret;
import java.util.Objects;

/**
 * The header a forge reads its token from: GitHub {@code Authorization: Bearer}, Gitea
 * {@code Authorization: token}, GitLab {@code PRIVATE-TOKEN}. {@link #value()} is the one place
 * the token is revealed, straight into the request.
 */
record ForgeAuth(String header, String scheme, Secret token) {

    ForgeAuth {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(token, "token");
        if (token.reveal().isBlank()) {
            throw new IllegalArgumentException("forge token from " + token.origin() + " is empty");
        }
    }

    static ForgeAuth bearer(Secret token) {
        return new ForgeAuth("Authorization", "Bearer ", token);
    }

    static ForgeAuth giteaToken(Secret token) {
        return new ForgeAuth("Authorization", "token ", token);
    }

    static ForgeAuth privateToken(Secret token) {
        return new ForgeAuth("PRIVATE-TOKEN", "", token);
    }

    String value() {
        return scheme + token.reveal();
    }

    /** {@code text} with every occurrence of the token replaced, for anything a forge echoes back. */
    String redact(String text) {
        return text == null ? null : text.replace(token.reveal(), "****");
    }
}
