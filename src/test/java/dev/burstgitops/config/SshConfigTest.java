package dev.burstgitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Git URLs the loader accepts, with which {@code git.auth}: an ssh URL only with a deploy
 * key and a known_hosts file, a deploy key only with an ssh URL, and only the schemes the
 * transport speaks. {@code validate} reads configurations through this loader, so this is also
 * what {@code validate} accepts (see cli/SshUrlValidateTest).
 */
class SshConfigTest {

    private static final String CONFIG = """
            git:
              url: %s
            %s
            prometheus:
              url: http://127.0.0.1:9090
            policies:
              - name: worker
                query: sum(rate(x[15s]))
                enterAbove: 15
                exitBelow: 10
                virtualService:
                  file: apps/istio/worker-virtualservice.yaml
                  name: worker-virtual-service
            """;

    @TempDir
    Path dir;

    private BurstGitopsConfig parse(String url, String auth) throws ConfigException {
        return ConfigLoader.parse(CONFIG.formatted(url, auth.isEmpty() ? "" : "  auth: " + auth), "burst-gitops.yaml", dir);
    }

    @Test
    void anSshUrlWithAKeyAndKnownHostsIsReadWithPathsFromTheConfigsDirectory() throws Exception {
        Files.writeString(dir.resolve("passphrase"), "s3cret phrase\n");

        GitConfig git = parse("ssh://git@git.example.com:2222/acme/fleet.git",
                "{ sshKeyFile: keys/id_ed25519, knownHostsFile: /etc/ssh-known/known_hosts, passphraseFile: passphrase }").git();

        assertThat(git.url()).isEqualTo(URI.create("ssh://git@git.example.com:2222/acme/fleet.git"));
        GitAuthConfig auth = git.auth().orElseThrow();
        assertThat(auth.isSsh()).isTrue();
        assertThat(auth.sshKeyFile()).contains(dir.resolve("keys/id_ed25519"));
        assertThat(auth.knownHostsFile()).contains(Path.of("/etc/ssh-known/known_hosts"));
        assertThat(auth.passphrase().orElseThrow().read().reveal()).isEqualTo("s3cret phrase");
        assertThat(auth.passphrase().orElseThrow().read()).hasToString("****");
    }

    @Test
    void thePassphraseMayComeFromTheEnvironment() throws Exception {
        GitAuthConfig auth = parse("ssh://git@git.example.com/acme/fleet.git",
                "{ sshKeyFile: id, knownHostsFile: kh, passphraseEnv: GIT_SSH_PASSPHRASE }").git().auth().orElseThrow();

        assertThat(auth.passphrase().orElseThrow().env()).isEqualTo("GIT_SSH_PASSPHRASE");
    }

    @Test
    void theScpLikeFormIsReadAsAnSshUrl() throws Exception {
        GitConfig git = parse("git@github.com:acme/fleet.git", "{ sshKeyFile: id, knownHostsFile: kh }").git();

        assertThat(git.url()).isEqualTo(URI.create("ssh://git@github.com/acme/fleet.git"));
    }

    @Test
    void anSshUrlWithoutAuthIsRefusedNamingWhatItNeeds() {
        assertThatThrownBy(() -> parse("ssh://git@git.example.com/acme/fleet.git", ""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("git.url: an ssh URL needs git.auth.sshKeyFile and git.auth.knownHostsFile");
        assertThatThrownBy(() -> parse("git@github.com:acme/fleet.git", ""))
                .hasMessageContaining("git.url: an ssh URL needs git.auth.sshKeyFile and git.auth.knownHostsFile");
    }

    @Test
    void anSshUrlWithATokenIsRefused() {
        assertThatThrownBy(() -> parse("ssh://git@git.example.com/acme/fleet.git", "{ tokenFile: token }"))
                .hasMessageContaining("git.auth: an ssh URL needs git.auth.sshKeyFile and git.auth.knownHostsFile");
    }

    @Test
    void aKeyWithoutKnownHostsIsRefusedBecauseTheHostWouldBeTrustedOnSight() {
        assertThatThrownBy(() -> parse("ssh://git@git.example.com/acme/fleet.git", "{ sshKeyFile: id }"))
                .hasMessageContaining("git.auth.knownHostsFile: is required with sshKeyFile");
        assertThatThrownBy(() -> parse("ssh://git@git.example.com/acme/fleet.git", "{ knownHostsFile: kh }"))
                .hasMessageContaining("git.auth.sshKeyFile: is required");
    }

    @Test
    void aKeyAndATokenTogetherAreRefused() {
        assertThatThrownBy(() -> parse("ssh://git@git.example.com/acme/fleet.git",
                "{ sshKeyFile: id, knownHostsFile: kh, tokenFile: token }"))
                .hasMessageContaining("git.auth.tokenFile: name either a token (https) or sshKeyFile (ssh), not both");
    }

    @Test
    void aDeployKeyWithAnHttpsUrlIsRefused() {
        assertThatThrownBy(() -> parse("https://git.example.com/acme/fleet.git", "{ sshKeyFile: id, knownHostsFile: kh }"))
                .hasMessageContaining("git.auth: sshKeyFile is for ssh URLs; a https URL takes tokenFile or tokenEnv");
    }

    @Test
    void aPasswordInAnSshUrlIsRefusedAndNotRepeated() {
        assertThatThrownBy(() -> parse("ssh://git:hunter2@git.example.com/acme/fleet.git",
                "{ sshKeyFile: id, knownHostsFile: kh }"))
                .hasMessageContaining("git.url: must not carry credentials")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aSchemeTheTransportDoesNotSpeakIsRefusedHere() {
        assertThatThrownBy(() -> parse("git://git.example.com/acme/fleet.git", ""))
                .hasMessageContaining("git.url: has the unsupported scheme 'git' (use https, http, ssh or file)");
    }

    @Test
    void httpsAndFileUrlsAreAcceptedAsBefore() throws Exception {
        assertThat(parse("https://git.example.com/acme/fleet.git", "{ tokenFile: token }").git().auth())
                .hasValueSatisfying(auth -> assertThat(auth.isSsh()).isFalse());
        assertThat(parse("file:///srv/fleet.git", "").git().url()).isEqualTo(URI.create("file:///srv/fleet.git"));
    }
}
