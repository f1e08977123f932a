package dev.burstgitops.config;

import java.util.Optional;

/**
 * HTTPS basic authentication for the Git remote: a user name (written inline, or read like a
 * secret) and a token that is always read from a file or an environment variable.
 */
public record GitAuthConfig(Optional<String> username, Optional<SecretRef> usernameFrom, SecretRef token) {

    /** The user name; forges accept any non-empty name with a token, so it defaults to burst-gitops. */
    public String resolveUsername() throws ConfigException {
        if (usernameFrom.isPresent()) {
            return usernameFrom.get().read().reveal();
        }
        return username.orElse("burst-gitops");
    }
}
