package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.PrometheusCounterSeries;
import dev.burstgitops.testing.PrometheusServer;
import dev.burstgitops.testing.SshGitServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decide --once} end to end over ssh://: the real Prometheus, Debian's OpenSSH server
 * with a passphrase-protected deploy key named in {@code git.auth}, and the git command line
 * reading the bare repository.
 */
class SshDecideCommandTest {

    private static final String VS_FILE = "apps/istio/worker-virtualservice.yaml";
    private static final String PASSPHRASE = "deploy key passphrase 93b1";

    private static PrometheusServer prometheus;

    @TempDir
    Path dir;

    private SshGitServer ssh;
    private Path remote;
    private Path key;

    @BeforeAll
    static void startPrometheus() {
        prometheus = PrometheusServer.start(List.of(PrometheusCounterSeries.referenceWorker(20)));
    }

    @AfterAll
    static void stopPrometheus() {
        prometheus.close();
    }

    @BeforeEach
    void startSsh() throws IOException {
        ssh = SshGitServer.start(dir.resolve("ssh"));
        remote = ssh.createRepository("fleet", Map.of(VS_FILE, Files.readString(Path.of(VS_FILE))));
        key = ssh.authorizeNewKey("deploy_ed25519", PASSPHRASE);
        Files.writeString(dir.resolve("passphrase"), PASSPHRASE + "\n");
    }

    @AfterEach
    void stopSsh() {
        ssh.close();
    }

    @Test
    void twentyRequestsPerSecondCommitsTheBurstWeightsOverSshWithAProtectedKey() throws IOException {
        ssh.knownHosts(dir.resolve("known_hosts"));

        CommandRun run = decide(config("known_hosts"));

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).startsWith("worker: burst at 20 req/s, committed ");
        List<GitLoggedCommit> log = GitRemotes.log(remote);
        assertThat(log).hasSize(2);
        assertThat(log.get(0).subject()).isEqualTo("burst(worker): natural -> burst at 20 req/s (> 15 req/s for 0s)");
        assertThat(run.all()).doesNotContain(PASSPHRASE).doesNotContain(keyBody());
    }

    @Test
    void aHostKeyThatDoesNotMatchKnownHostsExitsFourNamingTheHostAndPushesNothing() throws IOException {
        ssh.knownHostsWithAnotherKey(dir.resolve("known_hosts"));

        CommandRun run = decide(config("known_hosts"));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.GIT);
        assertThat(run.err()).contains("worker: Git failed: ")
                .contains("host key of [127.0.0.1]:" + ssh.port() + " does not match knownHostsFile "
                        + dir.resolve("known_hosts"));
        assertThat(run.all()).doesNotContain(PASSPHRASE).doesNotContain(keyBody());
        assertThat(GitRemotes.log(remote)).hasSize(1);
        assertThat(ssh.log()).doesNotContain("Accepted publickey");
    }

    private CommandRun decide(Path config) {
        return CommandRun.of("decide", "--config", config.toString(), "--once");
    }

    /** A line from the middle of the private key's base64 body: any leak of the key contains it. */
    private String keyBody() throws IOException {
        List<String> lines = Files.readAllLines(key);
        return lines.get(lines.size() / 2);
    }

    private Path config(String knownHosts) throws IOException {
        Path file = dir.resolve("burst-gitops.yaml");
        Files.writeString(file, """
                git:
                  url: %s
                  checkoutDir: checkout
                  auth: { sshKeyFile: %s, knownHostsFile: %s, passphraseFile: passphrase }
                prometheus:
                  url: %s
                  timeout: 2s
                policies:
                  - name: worker
                    query: '%s'
                    enterAbove: 15
                    exitBelow: 10
                    virtualService:
                      file: %s
                      name: worker-virtual-service
                """.formatted(ssh.url("fleet"), key, knownHosts, prometheus.uri(),
                PrometheusServer.REFERENCE_WORKER_QUERY, VS_FILE));
        return file;
    }
}
