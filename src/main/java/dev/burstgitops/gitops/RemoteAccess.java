package dev.burstgitops.gitops;

import dev.burstgitops.config.SecretUnreadableException;
import java.nio.file.Files;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.eclipse.jgit.api.TransportCommand;

/**
 * How one transport command (clone, fetch, push) reaches the remote: basic auth for http(s), the
 * deploy key checked against known_hosts for ssh, nothing for a file remote. Made for each
 * command, so an SSH refusal recorded here belongs to this command and no other.
 */
final class RemoteAccess {

    private final GitRemote remote;
    private final SshDeployKey ssh;

    private RemoteAccess(GitRemote remote, SshDeployKey ssh) {
        this.remote = remote;
        this.ssh = ssh;
    }

    static RemoteAccess to(GitRemote remote) {
        return new RemoteAccess(remote, remote.ssh().map(SshDeployKey::new).orElse(null));
    }

    /**
     * Sets credentials, the SSH session factory and the timeout on {@code command}. The token is
     * read here, at each use; one that cannot be read now fails this fetch or push as a Git
     * failure (so it is counted and retried as one), naming its key, never its value.
     */
    <C extends TransportCommand<C, ?>> C apply(C command) throws GitException {
        try {
            command.setCredentialsProvider(JGitCheckout.credentialsFor(remote));
        } catch (SecretUnreadableException e) {
            throw new GitException("cannot reach " + remote.displayUrl() + ": " + e.getMessage(), e);
        }
        command.setTimeout(JGitCheckout.TRANSPORT_TIMEOUT_SECONDS);
        if (ssh != null) {
            command.setTransportConfigCallback(ssh);
        }
        return command;
    }

    /** The failure of {@code action} as a person can act on it; an SSH refusal of ours comes first. */
    GitException failed(String action, Exception failure) {
        if (ssh != null) {
            if (ssh.refusal().isPresent()) {
                return new GitException(action + " " + remote.displayUrl() + " failed: " + ssh.refusal().get(), failure);
            }
            SshCredentials key = remote.ssh().orElseThrow();
            if (!Files.isReadable(key.keyFile())) {
                return new GitException(action + " " + remote.displayUrl() + " failed: cannot read sshKeyFile "
                        + key.keyFile(), failure);
            }
            if (!Files.isReadable(key.knownHostsFile())) {
                return new GitException(action + " " + remote.displayUrl() + " failed: cannot read knownHostsFile "
                        + key.knownHostsFile(), failure);
            }
            if (refusedEveryKey(failure)) {
                return new GitException("authentication failed for " + remote.displayUrl() + " (key " + key.keyFile()
                        + "): the server accepted no key; is its public half a deploy key of this repository,"
                        + " with write access?", failure);
            }
        }
        return GitErrors.translate(action, remote, failure);
    }

    // MINA says so with the SSH disconnect reason, not only in words: the same in every locale.
    private static boolean refusedEveryKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SshException ssh
                    && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
                return true;
            }
        }
        return false;
    }
}
