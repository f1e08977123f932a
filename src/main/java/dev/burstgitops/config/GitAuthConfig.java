package dev.burstgitops.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the controller authenticates to the Git remote, one of two kinds:
 * <ul>
 *   <li>HTTPS basic authentication: a user name (written inline, or read like a secret) and a
 *       token that is always read from a file or an environment variable;</li>
 *   <li>SSH: a private key file (a deploy key) and the known_hosts file its host key is checked
 *       against, with an optional passphrase read like a secret.</li>
 * </ul>
 * The loader admits exactly one kind: {@code token} is null for SSH, the SSH fields are empty
 * for HTTPS.
 */
public record GitAuthConfig(
        Optional<String> username,
        Optional<SecretRef> usernameFrom,
        SecretRef token,
        Optional<Path> sshKeyFile,
        Optional<Path> knownHostsFile,
        Optional<SecretRef> passphrase) {

    /** HTTPS basic authentication, as before SSH existed. */
    public GitAuthConfig(Optional<String> username, Optional<SecretRef> usernameFrom, SecretRef token) {
        this(username, usernameFrom, token, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether this is a deploy key for an ssh:// remote rather than a token. */
    public boolean isSsh() {
        return sshKeyFile.isPresent();
    }

    /** The user name; forges accept any non-empty name with a token, so it defaults to burst-gitops. */
    public String resolveUsername() throws ConfigException {
        if (usernameFrom.isPresent()) {
            return usernameFrom.get().read().reveal();
        }
        return username.orElse("burst-gitops");
    }
}
