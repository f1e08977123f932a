package dev.burstgitops.gitops;

import dev.burstgitops.config.Secret;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A deploy key for an ssh remote: the private key file, the known_hosts file the server's host
 * key must be found in, and the key's passphrase when it has one. The files are read at each
 * connection, so a rotated key or an updated known_hosts takes effect without a restart. The
 * passphrase is a {@link Secret}: this record prints it as {@code ****}, and the key itself is
 * never held here, only its path.
 */
public record SshCredentials(Path keyFile, Path knownHostsFile, Optional<Secret> passphrase) {

    public SshCredentials {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        Objects.requireNonNull(passphrase, "passphrase");
    }
}
