package dev.burstgitops.gitops;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Connects one transport command over SSH with the configured deploy key, through JGit's Apache
 * MINA sshd client. A new session factory is made for each command and set on that command's
 * transport only: JGit's global {@code SshSessionFactory} is never touched, so nothing of the
 * machine's or the user's SSH setup ({@code ~/.ssh/config}, its keys, its known_hosts, an agent)
 * takes part, two workspaces never share state, and the factory's key cache cannot keep a
 * rotated key alive.
 *
 * <p>Records why the connection was refused (host key, unreadable key) so the command's error
 * can say it: JGit itself only reports that the session failed.
 */
final class SshDeployKey implements TransportConfigCallback {

    private final SshCredentials credentials;
    private volatile String refusal;

    SshDeployKey(SshCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void configure(Transport transport) {
        if (transport instanceof SshTransport ssh) {
            ssh.setSshSessionFactory(sessionFactory());
        }
    }

    /** Why the last connection was refused on our side, in words that name the host or the file. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    private SshdSessionFactory sessionFactory() {
        Path keyFile = credentials.keyFile().toAbsolutePath();
        Path knownHosts = credentials.knownHostsFile().toAbsolutePath();
        return new SshdSessionFactoryBuilder()
                // JGit's home (made writable by the cli) and the key's own directory, never ~/.ssh.
                .setHomeDirectory(FS.DETECTED.userHome())
                .setSshDirectory(keyFile.getParent().toFile())
                .setConfigFile(sshDir -> null)
                .setDefaultKnownHostsFiles(sshDir -> List.of(knownHosts))
                .setDefaultIdentities(sshDir -> List.of(keyFile))
                .setPreferredAuthentications("publickey")
                .setConnectorFactory(null)
                .setKeyPasswordProvider(ignored -> new Passphrase())
                .setServerKeyDatabase((home, sshDir) -> new KnownHostsOnly(knownHosts, why -> refusal = why))
                // No key cache: the key file is read at each connection, so a rotated key is used at once.
                .build(null);
    }

    /** The configured passphrase, offered once: asking again would get the same answer. */
    private final class Passphrase implements KeyPasswordProvider {

        @Override
        public char[] getPassphrase(URIish uri, int attempt) {
            return credentials.passphrase().map(secret -> secret.reveal().toCharArray()).orElse(null);
        }

        @Override
        public void setAttempts(int attempts) {
            // One attempt, whatever JGit proposes.
        }

        @Override
        public int getAttempts() {
            return 1;
        }

        @Override
        public boolean keyLoaded(URIish uri, int attempt, Exception error) {
            if (error != null) {
                // The exception's text says what was wrong with the file, never what it holds.
                refusal = "cannot load sshKeyFile " + credentials.keyFile() + " ("
                        + (credentials.passphrase().isPresent() ? "wrong passphrase, or not a private key"
                                : "it needs a passphrase (passphraseFile or passphraseEnv), or is not a private key")
                        + ")";
            }
            return false;
        }
    }

    @Override
    public String toString() {
        return "SshDeployKey[" + credentials + "]";
    }
}
