package dev.burstgitops.gitops;

import dev.burstgitops.config.Secret;
import java.util.Objects;

/**
 * Basic-auth credentials for an https remote: a user name and a token (a personal access token,
 * a deploy token). The token is a {@link Secret}, so this record prints as
 * {@code GitCredentials[username=burst-gitops, token=****]}.
 */
public record GitCredentials(String username, Secret token) {

    public GitCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
        if (username.isBlank()) {
            throw new IllegalArgumentException("Git username is blank");
        }
    }
}
