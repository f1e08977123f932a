package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.burstgitops.testing.CapturedLogs;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitCli;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.SigningKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing and verification with real keys from {@code ssh-keygen}: the controller's commits are
 * checked by C git's {@code verify-commit}, the second and independent verifier, and the heads a
 * person makes with C git ({@code git commit -S}, {@code gpg.format=ssh}) are checked by the
 * controller's {@link HeadVerifier} before the working copy moves to them.
 */
class SignedCommitsTest {

    private static final CommitIdentity IDENTITY = new CommitIdentity("burst-gitops", "burst-gitops@example.com");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T21:00:00Z"), ZoneOffset.UTC);
    private static final String WEIGHTS = "weights.yaml";
    private static final GitAuthor PERSON = new GitAuthor("A Person", "person@example.com");

    @TempDir
    Path tmp;
    SigningKeys keys;
    Path controllerKey;
    Path personKey;
    Path strangerKey;
    Path allowedSigners;
    Path bare;
    JGitWorkspace workspace;

    @BeforeEach
    void keysAndRemote() {
        keys = new SigningKeys(tmp.resolve("keys"));
        controllerKey = keys.create("controller_ed25519");
        personKey = keys.create("person_ed25519");
        strangerKey = keys.create("stranger_ed25519");
        allowedSigners = keys.allowedSigners("allowed_signers", "platform-team", controllerKey, personKey);
        bare = GitRemotes.createBare(tmp.resolve("fleet.git"), Map.of(WEIGHTS, "burst: 0\n"));
        // Proposals are force-pushed onto their side branch (with a lease); a file remote has no forge to allow it.
        GitCli.run(bare, "config", "receive.denyNonFastForwards", "false");
    }

    @AfterEach
    void closeWorkspace() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private JGitWorkspace workspace(CommitSigner signer, HeadVerifier verifier) {
        workspace = new JGitWorkspace(GitRemote.anonymous(bare.toUri(), GitRemotes.BRANCH, tmp.resolve("checkout")),
                IDENTITY, CLOCK, new GitTrust(signer, verifier));
        return workspace;
    }

    private static TreeChange<IOException> writes(String weights) {
        return tree -> {
            Files.writeString(tree.directory().resolve(WEIGHTS), weights);
            return Optional.of(CommitRequest.of(CommitMessage.of("burst(worker): natural -> burst"), WEIGHTS));
        };
    }

    private GitCli.Result verifyCommit(String revision, Path allowed) {
        return GitCli.tryRun(bare, Map.of(), "-c", "gpg.ssh.allowedSignersFile=" + allowed, "verify-commit", revision);
    }

    /** A person's commit on main made with C git, signed with {@code key} or unsigned. */
    private String personPushes(String weights, Optional<Path> key) {
        GitClient person = GitClient.clone(bare.toString(), tmp.resolve("person-" + System.nanoTime()), GitRemotes.BRANCH)
                .write(WEIGHTS, weights);
        String commit = key.isPresent() ? person.commitSigned(PERSON, "hand edit", key.get())
                : person.commit(PERSON, "hand edit");
        person.push();
        return commit;
    }

    @Test
    void theControllersCommitsCarryAnSshSignatureThatCGitVerifyCommitAccepts() throws Exception {
        JGitWorkspace signing = workspace(CommitSigner.sshKey(controllerKey), HeadVerifier.acceptingAny());

        PublishResult result = new ChangePublisher(signing, PublishRetry.immediately(3)).publish(writes("burst: 100\n"));

        assertThat(result).isInstanceOf(PublishResult.Published.class);
        GitCli.Result verified = verifyCommit(GitRemotes.BRANCH, allowedSigners);
        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
        assertThat(verified.stderr()).contains("Good \"git\" signature for platform-team with ED25519 key");
        Path othersOnly = keys.allowedSigners("others_only", "platform-team", personKey);
        GitCli.Result refused = verifyCommit(GitRemotes.BRANCH, othersOnly);
        assertThat(refused.exitCode()).as("C git refuses a key that is not listed").isNotZero();
    }

    @Test
    void proposalsOnASideBranchAreSignedToo() throws Exception {
        JGitWorkspace signing = workspace(CommitSigner.sshKey(controllerKey), HeadVerifier.acceptingAny());
        try (PullRequestTestForge forge = new PullRequestTestForge()) {
            PublishResult result = new PullRequestPublisher(signing, "worker", forge.sync(), PublishRetry.immediately(3))
                    .publish(writes("burst: 100\n"));

            assertThat(result).isInstanceOf(PublishResult.Proposed.class);
        }
        GitCli.Result verified = verifyCommit("burst-gitops/worker", allowedSigners);
        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
    }

    @Test
    void aSigningKeyThatCannotBeReadFailsTheCommitNamingTheFileAndPushesNothing() throws Exception {
        String before = GitCli.run(bare, "rev-parse", GitRemotes.BRANCH).strip();
        Path missing = tmp.resolve("keys/rotated_away");
        JGitWorkspace signing = workspace(CommitSigner.sshKey(missing), HeadVerifier.acceptingAny());

        GitException failure = catchThrowableOfType(GitException.class,
                () -> new ChangePublisher(signing, PublishRetry.immediately(3)).publish(writes("burst: 100\n")));

        assertThat(failure).hasMessageContaining("git.signing.sshKeyFile " + missing);
        assertThat(GitCli.run(bare, "rev-parse", GitRemotes.BRANCH).strip()).isEqualTo(before);
    }

    @Test
    void theSigningKeyAppearsInNoLogLineAndABrokenKeyFailsNamingTheFileNotItsContent() throws Exception {
        Path broken = tmp.resolve("keys/broken_ed25519");
        List<String> lines = Files.readAllLines(controllerKey);
        Files.write(broken, lines.subList(0, lines.size() - 2));  // cut short, as a botched copy would be

        try (CapturedLogs logs = CapturedLogs.capture()) {
            new ChangePublisher(workspace(CommitSigner.sshKey(controllerKey), HeadVerifier.acceptingAny()),
                    PublishRetry.immediately(3)).publish(writes("burst: 100\n"));
            workspace.close();
            GitException failure = catchThrowableOfType(GitException.class,
                    () -> new ChangePublisher(workspace(CommitSigner.sshKey(broken), HeadVerifier.acceptingAny()),
                            PublishRetry.immediately(3)).publish(writes("burst: 50\n")));

            assertThat(failure).hasMessageContaining("git.signing.sshKeyFile " + broken);
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(SigningKeys.privateKeyLine(broken));
            assertThat(logs.lines()).isNotEmpty()
                    .noneMatch(line -> line.contains(SigningKeys.privateKeyLine(controllerKey)));
        }
    }

    @Test
    void aHeadSignedByAnAllowedKeyWithCGitIsCheckedOut() throws Exception {
        String signed = personPushes("burst: 50\n", Optional.of(personKey));

        String head = workspace(CommitSigner.none(), HeadVerifier.allowedSigners(allowedSigners)).refresh();

        assertThat(head).isEqualTo(signed);
        assertThat(Files.readString(workspace.directory().resolve(WEIGHTS))).isEqualTo("burst: 50\n");
    }

    @Test
    void anUnsignedHeadIsRefusedAndTheWorkingCopyStaysAtTheRevisionItHeld() throws Exception {
        String signed = personPushes("burst: 50\n", Optional.of(personKey));
        JGitWorkspace verifying = workspace(CommitSigner.none(), HeadVerifier.allowedSigners(allowedSigners));
        verifying.refresh();
        String unsigned = personPushes("burst: 100\n", Optional.empty());

        UnverifiedHeadException refused = catchThrowableOfType(UnverifiedHeadException.class, verifying::refresh);

        assertThat(refused.revision()).isEqualTo(unsigned);
        assertThat(refused).hasMessage("head " + unsigned.substring(0, 12)
                + " is not signed by an allowed key (it carries no signature)");
        assertThat(Files.readString(verifying.directory().resolve(WEIGHTS))).isEqualTo("burst: 50\n");
        assertThat(GitCli.run(verifying.directory(), "rev-parse", "HEAD").strip()).isEqualTo(signed);
    }

    @Test
    void aForcePushBackToAnOlderSignedHeadIsRefusedUnlessRollbacksAreAllowed() throws Exception {
        String first = personPushes("burst: 50\n", Optional.of(personKey));
        JGitWorkspace verifying = workspace(CommitSigner.none(), HeadVerifier.allowedSigners(allowedSigners));
        verifying.refresh();
        String second = personPushes("burst: 100\n", Optional.of(personKey));
        assertThat(verifying.refresh()).isEqualTo(second);
        // Someone with push rights but no signing key rewinds main to the older commit an allowed key signed.
        GitCli.run(bare, "update-ref", "refs/heads/" + GitRemotes.BRANCH, first);

        UnverifiedHeadException refused = catchThrowableOfType(UnverifiedHeadException.class, verifying::refresh);

        assertThat(refused.revision()).isEqualTo(first);
        assertThat(refused).hasMessage("head " + first.substring(0, 12) + " is refused (it does not descend from "
                + second.substring(0, 7) + ", the verified head last taken: the branch was rewound or rewritten"
                + " (a force-push); a wanted rollback is a new signed commit on top (git revert), or set"
                + " git.allowRollback)");
        assertThat(Files.readString(verifying.directory().resolve(WEIGHTS))).isEqualTo("burst: 100\n");
        assertThat(GitCli.run(verifying.directory(), "rev-parse", "HEAD").strip()).isEqualTo(second);
        verifying.close();

        // The same working copy with git.allowRollback takes it.
        assertThat(workspace(CommitSigner.none(), HeadVerifier.allowedSigners(allowedSigners, true)).refresh())
                .isEqualTo(first);
    }

    @Test
    void aHeadSignedByAKeyThatIsNotListedIsRefused() throws Exception {
        String byStranger = personPushes("burst: 100\n", Optional.of(strangerKey));

        UnverifiedHeadException refused = catchThrowableOfType(UnverifiedHeadException.class,
                () -> workspace(CommitSigner.none(), HeadVerifier.allowedSigners(allowedSigners)).refresh());

        assertThat(refused.revision()).isEqualTo(byStranger);
        assertThat(refused.getMessage()).startsWith("head " + byStranger.substring(0, 12)
                + " is not signed by an allowed key (").contains("SHA256:");
    }

    @Test
    void aMissingAllowedSignersFileRefusesEveryHeadRatherThanAcceptingThem() throws Exception {
        personPushes("burst: 50\n", Optional.of(personKey));

        UnverifiedHeadException refused = catchThrowableOfType(UnverifiedHeadException.class,
                () -> workspace(CommitSigner.none(), HeadVerifier.allowedSigners(tmp.resolve("absent"))).refresh());

        assertThat(refused.reason()).contains("allowed signers file " + tmp.resolve("absent") + " cannot be read");
    }

    @Test
    void theControllerBuildsOnAVerifiedHeadAndItsOwnSignedCommitPassesItsOwnCheck() throws Exception {
        personPushes("burst: 50\n", Optional.of(personKey));
        JGitWorkspace both = workspace(CommitSigner.sshKey(controllerKey), HeadVerifier.allowedSigners(allowedSigners));

        PublishResult result = new ChangePublisher(both, PublishRetry.immediately(3)).publish(writes("burst: 100\n"));
        String head = both.refresh();

        assertThat(result).isInstanceOfSatisfying(PublishResult.Published.class,
                published -> assertThat(head).isEqualTo(published.commitId()));
    }
}
