package dev.burstgitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code git.signing} and {@code git.verify}: paths read like every other file key, errors naming the key. */
class GitTrustConfigTest {

    private static final String CONFIG = """
            git:
              url: https://git.example.com/acme/fleet.git
            %s
            %s
            """;

    @TempDir
    Path dir;

    private GitConfig parse(String gitKeys) throws ConfigException {
        return parse(gitKeys, "policies: []");
    }

    private GitConfig parse(String gitKeys, String rest) throws ConfigException {
        return ConfigLoader.parse(CONFIG.formatted(gitKeys.indent(2).stripTrailing(), rest), "burst-gitops.yaml", dir)
                .git();
    }

    @Test
    void neitherIsOnUnlessConfigured() throws Exception {
        GitConfig git = parse("branch: main");

        assertThat(git.signingKeyFile()).isEmpty();
        assertThat(git.allowedSignersFile()).isEmpty();
    }

    @Test
    void theSigningKeyAndTheAllowedSignersAreFilesRelativeToTheConfigsDirectory() throws Exception {
        GitConfig git = parse("""
                signing: { sshKeyFile: signing/id_ed25519 }
                verify: { allowedSignersFile: /etc/burst-gitops/allowed-signers/allowed_signers }
                """);

        assertThat(git.signingKeyFile()).contains(dir.resolve("signing/id_ed25519"));
        assertThat(git.allowedSignersFile()).contains(Path.of("/etc/burst-gitops/allowed-signers/allowed_signers"));
    }

    @Test
    void aSectionWithoutItsFileIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> parse("signing: { keyFile: id_ed25519 }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("git.signing.sshKeyFile: is required")
                .hasMessageContaining("git.signing.keyFile");
        assertThatThrownBy(() -> parse("verify: {}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("git.verify.allowedSignersFile: is required");
    }

    @Test
    void verifyingWithoutSigningIsRefusedWhenTheControllerCommitsDecisions() {
        String policy = """
                prometheus: { url: http://127.0.0.1:9090 }
                policies:
                  - name: worker
                    query: sum(rate(x[1m]))
                    enterAbove: 15
                    exitBelow: 10
                    virtualService: { file: apps/istio/worker-virtualservice.yaml, name: worker-virtual-service }
                """;

        assertThatThrownBy(() -> parse("verify: { allowedSignersFile: allowed_signers }", policy))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("git.verify: needs git.signing when policies are configured");
    }
}
