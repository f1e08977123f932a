package dev.burstgitops.gitops;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.function.Consumer;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * The server's host key must be in one known_hosts file, the configured one, and nothing else
 * counts: not {@code ~/.ssh/known_hosts}, not {@code /etc/ssh/ssh_known_hosts}, not an
 * {@code ~/.ssh/config}. An unknown host or a different key is refused without asking and
 * without adding anything, because a controller has nobody to ask and a key accepted on first
 * sight would hand a man in the middle every push.
 *
 * <p>JGit's own OpenSSH-format reader does the matching (hashed names, {@code [host]:port},
 * {@code @revoked}); this class only pins its files and its policy, and says why a key was refused.
 */
final class KnownHostsOnly implements ServerKeyDatabase {

    private final Path knownHostsFile;
    private final OpenSshServerKeyDatabase database;
    private final Consumer<String> onRejection;

    /** @param onRejection told, in words naming the host, why a host key was refused */
    KnownHostsOnly(Path knownHostsFile, Consumer<String> onRejection) {
        this.knownHostsFile = knownHostsFile;
        // false: never offer to create a missing known_hosts file.
        this.database = new OpenSshServerKeyDatabase(false, List.of(knownHostsFile));
        this.onRejection = onRejection;
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        return database.lookup(connectAddress, remoteAddress, strict(config));
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
            Configuration config, CredentialsProvider provider) {
        // No credentials provider: JGit would use it to ask a person whether to trust the key.
        if (database.accept(connectAddress, remoteAddress, serverKey, strict(config), null)) {
            return true;
        }
        String offered = KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey);
        boolean known = !database.lookup(connectAddress, remoteAddress, strict(config)).isEmpty();
        onRejection.accept(known
                ? "host key of " + connectAddress + " does not match knownHostsFile " + knownHostsFile
                        + " (the server offered " + offered + "): refusing to connect; if the host's key was"
                        + " changed on purpose, replace its line with ssh-keyscan"
                : "host " + connectAddress + " is not in knownHostsFile " + knownHostsFile
                        + " (the server offered " + offered + "): refusing to connect; add its key with ssh-keyscan");
        return false;
    }

    /** The configuration JGit read, with only our file and the strictest policy. */
    private Configuration strict(Configuration config) {
        return new Configuration() {
            @Override
            public List<String> getUserKnownHostsFiles() {
                return List.of(knownHostsFile.toString());
            }

            @Override
            public List<String> getGlobalKnownHostsFiles() {
                return List.of();
            }

            @Override
            public StrictHostKeyChecking getStrictHostKeyChecking() {
                return StrictHostKeyChecking.REQUIRE_MATCH;
            }

            @Override
            public boolean getHashKnownHosts() {
                return false;
            }

            @Override
            public String getUsername() {
                return config.getUsername();
            }
        };
    }
}
