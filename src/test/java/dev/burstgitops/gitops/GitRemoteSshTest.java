package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.burstgitops.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An ssh remote goes with a deploy key and nothing else; a deploy key goes with nothing but ssh. */
class GitRemoteSshTest {

    private static final Path CHECKOUT = Path.of("/tmp/checkout");
    private static final URI SSH_URL = URI.create("ssh://git@git.example.com:2222/acme/fleet.git");
    private static final SshCredentials KEY = new SshCredentials(Path.of("/keys/id_ed25519"),
            Path.of("/keys/known_hosts"), Optional.of(Secret.of("passphrase-4d2c", "test")));

    @Test
    void anSshRemoteWithAKeyKeepsItsUserForTheTransportButNotForMessages() {
        GitRemote remote = GitRemote.ssh(SSH_URL, "main", CHECKOUT, KEY);

        assertThat(remote.transportUrl()).isEqualTo("ssh://git@git.example.com:2222/acme/fleet.git");
        assertThat(remote.displayUrl()).isEqualTo("ssh://git.example.com:2222/acme/fleet.git");
        assertThat(remote.toString()).doesNotContain("passphrase-4d2c");
    }

    @Test
    void aSiblingCheckoutKeepsTheKey() {
        GitRemote sibling = GitRemote.ssh(SSH_URL, "main", CHECKOUT, KEY).withCheckoutDir(Path.of("/tmp/checkout-sync"));

        assertThat(sibling.ssh()).contains(KEY);
        assertThat(sibling.checkoutDir()).isEqualTo(Path.of("/tmp/checkout-sync"));
    }

    @Test
    void anSshRemoteWithoutAKeyIsRefusedRatherThanLeftToTheMachinesSshSetup() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GitRemote.anonymous(SSH_URL, "main", CHECKOUT))
                .withMessage("Git URL scheme 'ssh' needs SSH credentials: a key file and a known_hosts file");
    }

    @Test
    void aKeyWithAnHttpsRemoteAndATokenWithAnSshRemoteAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GitRemote.ssh(URI.create("https://git.example.com/acme/fleet.git"), "main", CHECKOUT, KEY))
                .withMessage("SSH credentials are for ssh URLs, not for https://git.example.com/acme/fleet.git");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GitRemote(SSH_URL, "main", CHECKOUT,
                        Optional.of(new GitCredentials("bot", Secret.of("t", "test"))), Optional.of(KEY)))
                .withMessage("an ssh URL takes a key file, not a token");
    }

    @Test
    void aPasswordInAnSshUrlIsRefusedAsInAnyOther() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GitRemote.ssh(URI.create("ssh://git:hunter2@git.example.com/fleet.git"), "main",
                        CHECKOUT, KEY))
                .withMessageNotContaining("hunter2");
    }
}
