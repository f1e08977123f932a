package dev.burstgitops.gitops.forge;

import dev.burstgitops.config.Secret;
import java.util.Objects;

/**
 * The header a forge reads its token from: GitHub {@code Authorization: Bearer}, Gitea
 * {@code Authorization: token}, GitLab {@code PRIVATE-TOKEN}. {@link #read()} is the one place
 * the token is revealed: once per request, and that same value goes into the header and masks
 * whatever the forge answers to that request. (A token file read at each use may be rotated,
 * or unreadable, between two reads; the token the forge echoes is the one that was sent.)
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

    /** Reads the token once, for one request. */
    Sent read() {
        return new Sent(scheme, token.reveal());
    }

    /** The token as read for one request. Prints as {@code ****}, like {@link Secret}. */
    static final class Sent {

        private final String scheme;
        private final String token;

        private Sent(String scheme, String token) {
            this.scheme = scheme;
            this.token = Objects.requireNonNull(token, "token");
        }

        /** The header's value, at the one place that sends it. */
        String headerValue() {
            return scheme + token;
        }

        /** {@code text} with every occurrence of this token replaced, for anything the forge echoes back. */
        String redact(String text) {
            // An empty token (a file rotated to empty) would match between every two characters.
            return text == null || token.isEmpty() ? text : text.replace(token, "****");
        }

        @Override
        public String toString() {
            return "****";
        }
    }
}
