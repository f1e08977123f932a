package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burstgitops.config.Secret;
import dev.burstgitops.testing.CapturedLogs;
import dev.burstgitops.testing.GitCli;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.SigningKeys;
import dev.burstgitops.testing.SshGitServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract over ssh:// against Debian's OpenSSH server with a deploy key, plus what only SSH
 * has: the host key checked strictly against the configured known_hosts, a passphrase-protected
 * key, and keys that appear in no message or log line. The git command line, the second client
 * and the independent reader, reads the bare repository on disk.
 */
class SshRemoteTest extends GitRemoteContract {

    private static final String PASSPHRASE = "correct horse battery staple 7e1f";

    private SshGitServer server;

    @Override
    Path createRemote(Path workDir, Map<String, String> files) {
        server = SshGitServer.start(workDir);
        return server.createRepository("fleet", files);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    GitRemote remoteFor(Path checkoutDir) {
        return remoteWith(checkoutDir, server.clientKey(), server.knownHosts(tmp.resolve("known_hosts")), Optional.empty());
    }

    @Override
    String secondClientUrl() {
        return bare.toString();
    }

    private GitRemote remoteWith(Path checkoutDir, Path key, Path knownHosts, Optional<Secret> passphrase) {
        return GitRemote.ssh(server.url("fleet"), GitRemotes.BRANCH, checkoutDir,
                new SshCredentials(key, knownHosts, passphrase));
    }

    @Test
    void aPassphraseProtectedKeyIsUnlockedWithItsPassphraseAndNeitherAppearsInAnyLogLine() throws Exception {
        Path key = server.authorizeNewKey("protected_ed25519", PASSPHRASE);
        GitRemote remote = remoteWith(tmp.resolve("checkout"), key, server.knownHosts(tmp.resolve("known_hosts")),
                Optional.of(Secret.of(PASSPHRASE, "test")));

        try (CapturedLogs logs = CapturedLogs.capture();
             JGitWorkspace workspace = new JGitWorkspace(remote, IDENTITY, Clock.fixed(NOW, java.time.ZoneOffset.UTC))) {
            PublishResult result = new ChangePublisher(workspace, PublishRetry.immediately(5))
                    .publish(tree -> writeWeights(tree.directory(), "primary: 0\nburst: 100\n"));

            assertThat(result).isInstanceOf(PublishResult.Published.class);
            assertThat(logs.lines()).anyMatch(line -> line.contains("pushed "))
                    .noneMatch(line -> line.contains(PASSPHRASE))
                    .noneMatch(line -> containsKeyMaterial(line, key));
        }
        assertThat(GitRemotes.show(bare, WEIGHTS)).isEqualTo("primary: 0\nburst: 100\n");
        assertThat(server.log()).as("sshd accepted the protected key").contains("Accepted publickey");
    }

    @Test
    void aProtectedKeyWithoutItsPassphraseFailsNamingTheKeyFileNotItsContent() throws Exception {
        Path key = server.authorizeNewKey("protected_ed25519", PASSPHRASE);
        GitRemote remote = remoteWith(tmp.resolve("checkout"), key, server.knownHosts(tmp.resolve("known_hosts")),
                Optional.of(Secret.of("not the passphrase", "test")));

        GitException failure;
        try (CapturedLogs logs = CapturedLogs.capture();
             JGitWorkspace workspace = new JGitWorkspace(remote, IDENTITY, Clock.systemUTC())) {
            failure = catchThrowableOfType(GitException.class, workspace::refresh);
            assertThat(logs.lines()).noneMatch(line -> line.contains(PASSPHRASE) || containsKeyMaterial(line, key));
        }

        assertThat(failure).hasMessageContaining("cannot load sshKeyFile " + key + " (wrong passphrase");
        assertThat(stackTraceOf(failure)).doesNotContain(PASSPHRASE).doesNotContain(SigningKeys.privateKeyLine(key));
    }

    @Test
    void aDifferentHostKeyInKnownHostsRefusesTheConnectionNamingTheHostAndPushesNothing() throws Exception {
        String seed = GitRemotes.log(bare).get(0).id();
        GitRemote remote = remoteWith(tmp.resolve("checkout"), server.clientKey(),
                server.knownHostsWithAnotherKey(tmp.resolve("known_hosts")), Optional.empty());

        GitException failure;
        try (CapturedLogs logs = CapturedLogs.capture();
             JGitWorkspace workspace = new JGitWorkspace(remote, IDENTITY, Clock.systemUTC())) {
            failure = catchThrowableOfType(GitException.class, () -> new ChangePublisher(workspace,
                    PublishRetry.immediately(5)).publish(tree -> writeWeights(tree.directory(), "primary: 0\nburst: 100\n")));
            assertThat(logs.lines()).noneMatch(line -> containsKeyMaterial(line, server.clientKey()));
        }

        assertThat(failure).hasMessageContaining("host key of [127.0.0.1]:" + server.port()
                + " does not match knownHostsFile " + tmp.resolve("known_hosts"));
        assertThat(stackTraceOf(failure)).doesNotContain(SigningKeys.privateKeyLine(server.clientKey()));
        assertThat(GitRemotes.log(bare)).extracting(c -> c.id()).containsExactly(seed);
        assertThat(server.log()).as("no key was ever offered to the impostor").doesNotContain("Accepted publickey");
    }

    @Test
    void aHostMissingFromKnownHostsIsRefusedNotAddedAndNotAsked() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "# no hosts yet\n");
        GitRemote remote = remoteWith(tmp.resolve("checkout"), server.clientKey(), knownHosts, Optional.empty());

        try (JGitWorkspace workspace = new JGitWorkspace(remote, IDENTITY, Clock.systemUTC())) {
            assertThat(catchThrowableOfType(GitException.class, workspace::refresh))
                    .hasMessageContaining("host [127.0.0.1]:" + server.port() + " is not in knownHostsFile " + knownHosts);
        }

        assertThat(Files.readString(knownHosts)).isEqualTo("# no hosts yet\n");
        assertThat(GitRemotes.log(bare)).hasSize(1);
    }

    @Test
    void aKeyTheServerDoesNotAuthorizeFailsAsAnAuthenticationFailureNamingTheKeyFile() {
        Path stranger = server.unauthorizedKey("stranger_ed25519");
        GitRemote remote = remoteWith(tmp.resolve("checkout"), stranger, server.knownHosts(tmp.resolve("known_hosts")),
                Optional.empty());

        try (JGitWorkspace workspace = new JGitWorkspace(remote, IDENTITY, Clock.systemUTC())) {
            GitException failure = catchThrowableOfType(GitException.class, workspace::refresh);
            assertThat(failure).hasMessageStartingWith("authentication failed for " + server.url("fleet")
                    .toString().replace(System.getProperty("user.name") + "@", "") + " (key " + stranger
                    + "): the server accepted no key");
            assertThat(stackTraceOf(failure)).doesNotContain(SigningKeys.privateKeyLine(stranger));
        }
        assertThat(GitRemotes.log(bare)).hasSize(1);
    }

    @Test
    void aSignedProposalGoesToItsSideBranchOverSshAndMainIsLeftAlone() throws Exception {
        // Proposals are force-pushed onto their own branch with a lease; sshd runs C git's receive-pack.
        GitCli.run(bare, "config", "receive.denyNonFastForwards", "false");
        String seed = GitRemotes.log(bare).get(0).id();
        SigningKeys keys = new SigningKeys(tmp.resolve("signing"));
        Path signingKey = keys.create("controller_signing");
        Path allowed = keys.allowedSigners("allowed_signers", "burst-gitops", signingKey);

        PublishResult result;
        try (PullRequestTestForge forge = new PullRequestTestForge();
             JGitWorkspace workspace = new JGitWorkspace(remoteFor(tmp.resolve("checkout")), IDENTITY,
                     Clock.systemUTC(), new GitTrust(CommitSigner.sshKey(signingKey), HeadVerifier.acceptingAny()))) {
            result = new PullRequestPublisher(workspace, "worker", forge.sync(), PublishRetry.immediately(3))
                    .publish(tree -> writeWeights(tree.directory(), "primary: 0\nburst: 100\n"));
            assertThat(forge.open()).hasSize(1);
        }

        assertThat(result).isInstanceOf(PublishResult.Proposed.class);
        assertThat(GitRemotes.log(bare)).extracting(c -> c.id()).containsExactly(seed);
        assertThat(GitRemotes.show(bare, "burst-gitops/worker", WEIGHTS)).isEqualTo("primary: 0\nburst: 100\n");
        GitCli.Result verified = GitCli.tryRun(bare, Map.of(), "-c", "gpg.ssh.allowedSignersFile=" + allowed,
                "verify-commit", "burst-gitops/worker");
        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
    }

    private static boolean containsKeyMaterial(String line, Path key) {
        return line.contains(SigningKeys.privateKeyLine(key));
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
