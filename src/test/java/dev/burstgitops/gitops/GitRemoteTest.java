package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.burstgitops.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitRemoteTest {

    private static final Path CHECKOUT = Path.of("/var/lib/burst-gitops/checkout");

    @Test
    void theDisplayUrlLeavesOutTheUserInfo() {
        GitRemote remote = GitRemote.anonymous(URI.create("https://bot@git.example.com:8443/acme/fleet.git"), "main", CHECKOUT);

        assertThat(remote.displayUrl()).isEqualTo("https://git.example.com:8443/acme/fleet.git");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutBeingRepeated() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GitRemote.anonymous(URI.create("https://bot:s3cr3t@git.example.com/fleet.git"), "main", CHECKOUT))
                .withMessage("Git URL https://git.example.com/fleet.git carries a password: give the token as credentials instead");
    }

    @Test
    void onlyFileAndHttpUrlsAndPlainPathsAreAccepted() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GitRemote.anonymous(URI.create("ssh://git@git.example.com/fleet.git"), "main", CHECKOUT))
                .withMessageContaining("'ssh'");
        assertThat(GitRemote.anonymous(URI.create("/srv/git/fleet.git"), "main", CHECKOUT).transportUrl())
                .isEqualTo("/srv/git/fleet.git");
    }

    @Test
    void theBranchIsAPlainBranchName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GitRemote.anonymous(URI.create("/srv/git/fleet.git"), "refs/heads/main", CHECKOUT));
    }

    @Test
    void aCheckoutOriginMatchesTheRemoteWhateverItsTrailingSlash() {
        GitRemote remote = GitRemote.anonymous(URI.create("file:///srv/git/fleet.git/"), "main", CHECKOUT);

        assertThat(remote.isSameRemote("file:///srv/git/fleet.git")).isTrue();
        assertThat(remote.isSameRemote("file:///srv/git/other.git")).isFalse();
    }

    @Test
    void credentialsPrintWithoutTheToken() {
        GitRemote remote = new GitRemote(URI.create("https://git.example.com/fleet.git"), "main", CHECKOUT,
                Optional.of(new GitCredentials("burst-gitops", Secret.of("glpat-123456", "file /etc/token"))));

        assertThat(remote.toString()).contains("burst-gitops", "****").doesNotContain("glpat-123456");
    }
}
