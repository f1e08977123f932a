package dev.burstgitops.bench;

import dev.burstgitops.gitops.ChangePublisher;
import dev.burstgitops.gitops.CommitIdentity;
import dev.burstgitops.gitops.CommitMessage;
import dev.burstgitops.gitops.CommitRequest;
import dev.burstgitops.gitops.CommitSigner;
import dev.burstgitops.gitops.GitRemote;
import dev.burstgitops.gitops.GitTrust;
import dev.burstgitops.gitops.HeadVerifier;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.gitops.PublishRetry;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What signing and verification add to a decision and to a poll: a commit and push to a
 * {@code file:} bare repository with and without {@code git.signing}, and a refresh that finds
 * nothing new with and without {@code git.verify} (the sync loop's poll when nobody pushed), and
 * the signature check of that head alone.
 * Timed inside one warmed-up JVM, in alternating order, 5 rounds of 25 of each; printed, never
 * asserted (docs/benchmarks.md).
 */
@Tag("benchmark")
class SigningBenchmarkTest {

    private static final int ROUNDS = 5;
    private static final int PER_ROUND = 25;
    private static final CommitIdentity IDENTITY = new CommitIdentity("burst-gitops", "burst-gitops@example.com");

    @TempDir
    Path tmp;

    @Test
    void signingAndVerifyingCostPerCommitAndPerPoll() throws Exception {
        // In-process and short: the load is printed with the figures rather than waited out.
        SigningKeys keys = new SigningKeys(tmp.resolve("keys"));
        Path key = keys.create("controller_ed25519");
        Path allowed = keys.allowedSigners("allowed_signers", "burst-gitops", key);
        // One remote each: the trusted workspace would refuse the plain one's unsigned commits.
        Path plainRemote = GitRemotes.createBare(tmp.resolve("plain.git"), Map.of("weights.yaml", "0\n"));
        Path trustedRemote = GitRemotes.createBare(tmp.resolve("trusted.git"), Map.of("weights.yaml", "0\n"));
        Samples unsignedCommit = new Samples();
        Samples signedCommit = new Samples();
        Samples plainPoll = new Samples();
        Samples verifiedPoll = new Samples();
        Samples checkAlone = new Samples();
        try (JGitWorkspace plain = workspace(plainRemote, "plain", GitTrust.none());
             JGitWorkspace trusted = workspace(trustedRemote, "trusted",
                     new GitTrust(CommitSigner.sshKey(key), HeadVerifier.allowedSigners(allowed)))) {
            // The trusted remote's seed commit is unsigned: sign one on top before its first refresh.
            try (JGitWorkspace seeding = workspace(trustedRemote, "seeding",
                    new GitTrust(CommitSigner.sshKey(key), HeadVerifier.acceptingAny()))) {
                commit(seeding, "seed");
            }
            // Warm-up, unrecorded: every path through the JIT.
            for (int i = 0; i < PER_ROUND; i++) {
                commit(plain, "w");
                commit(trusted, "v");
                plain.refresh();
                trusted.refresh();
            }
            HeadVerifier verifier = HeadVerifier.allowedSigners(allowed);
            Repository trustedRepository = new FileRepositoryBuilder().setWorkTree(tmp.resolve("trusted").toFile())
                    .build();
            int counter = 0;
            for (int round = 0; round < ROUNDS; round++) {
                unsignedCommit.add(meanMicros(() -> commit(plain, "u")));
                signedCommit.add(meanMicros(() -> commit(trusted, "s")));
                // Each remote's head is its workspace's own last commit: both polls find nothing new.
                plainPoll.add(meanMicros(plain::refresh));
                verifiedPoll.add(meanMicros(trusted::refresh));
                String head = trusted.refresh();
                checkAlone.add(meanMicros(() -> verifier.check(trustedRepository, ObjectId.fromString(head))));
                counter++;
            }
            trustedRepository.close();
            System.out.printf("signing benchmark (%d rounds of %d, mean per operation in µs; load %s)%n", counter,
                    PER_ROUND, MachineLoad.averages());
        }
        System.out.println("  commit + push, unsigned: " + unsignedCommit.describe());
        System.out.println("  commit + push, signed:   " + signedCommit.describe());
        System.out.println("  poll, no verification:   " + plainPoll.describe());
        System.out.println("  poll, verified head:     " + verifiedPoll.describe());
        System.out.println("  the signature check:     " + checkAlone.describe());
    }

    private JGitWorkspace workspace(Path bare, String name, GitTrust trust) {
        return new JGitWorkspace(GitRemote.anonymous(bare.toUri(), GitRemotes.BRANCH, tmp.resolve(name)), IDENTITY,
                Clock.systemUTC(), trust);
    }

    private int sequence;

    private void commit(JGitWorkspace workspace, String prefix) throws Exception {
        String content = prefix + (sequence++) + "\n";
        new ChangePublisher(workspace, PublishRetry.immediately(3)).publish(tree -> {
            Files.writeString(tree.directory().resolve("weights.yaml"), content);
            return Optional.of(CommitRequest.of(CommitMessage.of("bench: " + content.strip()), "weights.yaml"));
        });
    }

    private interface Operation {
        void run() throws Exception;
    }

    private static double meanMicros(Operation operation) throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < PER_ROUND; i++) {
            operation.run();
        }
        return (System.nanoTime() - started) / 1_000.0 / PER_ROUND;
    }
}
