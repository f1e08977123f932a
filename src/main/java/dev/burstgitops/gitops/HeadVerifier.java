package dev.burstgitops.gitops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier.SignatureVerification;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Checks that a head commit carries a valid SSH signature by a key listed in an allowed-signers
 * file (git's {@code gpg.ssh.allowedSignersFile} format, with its {@code namespaces=},
 * {@code valid-after=} and {@code valid-before=} options): what {@code git verify-commit} checks,
 * and what Flux checks before it applies. Any principal listed for the key will do, as with git;
 * the committer's name is not trusted for anything.
 *
 * <p>Or, without a file, accepts every head, as before verification existed. The file is read
 * when it changes (JGit keeps it by its real path), so a rotated Secret takes effect at the next
 * fetch.
 */
public final class HeadVerifier {

    private static final HeadVerifier ANY = new HeadVerifier(Optional.empty(), true);

    private final Optional<Path> allowedSigners;
    private final boolean allowRollback;

    private HeadVerifier(Optional<Path> allowedSigners, boolean allowRollback) {
        this.allowedSigners = allowedSigners;
        this.allowRollback = allowRollback;
    }

    public static HeadVerifier acceptingAny() {
        return ANY;
    }

    public static HeadVerifier allowedSigners(Path file) {
        return allowedSigners(file, false);
    }

    /** @param allowRollback take a verified head that does not descend from the last one taken ({@code git.allowRollback}) */
    public static HeadVerifier allowedSigners(Path file, boolean allowRollback) {
        return new HeadVerifier(Optional.of(Objects.requireNonNull(file, "file")), allowRollback);
    }

    /**
     * Passes when {@code head} descends from {@code taken}, the head this working copy last took
     * (or when nothing is verified, or rollbacks are allowed). A signature says who made a
     * commit, not that it is the newest: a force-push of the branch back to an old commit an
     * allowed key once signed would roll every cluster back and prune what was added since. A
     * wanted rollback is a new signed commit on top ({@code git revert}).
     *
     * @throws UnverifiedHeadException when {@code head} would rewind or rewrite verified history
     */
    public void checkDescends(Repository repository, ObjectId taken, ObjectId head) throws GitException {
        if (allowedSigners.isEmpty() || allowRollback || taken == null || taken.equals(head)) {
            return;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            if (!walk.isMergedInto(walk.parseCommit(taken), walk.parseCommit(head))) {
                throw UnverifiedHeadException.rewound(head.name(), "it does not descend from " + taken.abbreviate(7).name()
                        + ", the verified head last taken: the branch was rewound or rewritten (a force-push); a wanted"
                        + " rollback is a new signed commit on top (git revert), or set git.allowRollback");
            }
        } catch (IOException e) {
            throw new GitException("cannot compare " + head.name() + " with the head last taken", e);
        }
    }

    public boolean verifies() {
        return allowedSigners.isPresent();
    }

    /**
     * Passes when {@code commit} is signed by an allowed key (or nothing is verified).
     *
     * @return who signed it, as the allowed-signers file names them; empty when nothing is verified
     * @throws UnverifiedHeadException when it is not, saying why
     */
    public Optional<String> check(Repository repository, ObjectId commit) throws GitException {
        if (allowedSigners.isEmpty()) {
            return Optional.empty();
        }
        Path file = allowedSigners.get();
        if (!Files.isReadable(file)) {
            throw new UnverifiedHeadException(commit.name(), "the allowed signers file " + file + " cannot be read");
        }
        RevCommit parsed;
        try (RevWalk walk = new RevWalk(repository)) {
            parsed = walk.parseCommit(commit);
        } catch (IOException e) {
            throw new GitException("cannot read commit " + commit.name() + " to verify its signature", e);
        }
        if (parsed.getRawGpgSignature() == null) {
            throw new UnverifiedHeadException(commit.name(), "it carries no signature");
        }
        SignatureVerification verification;
        try {
            verification = SignatureVerifiers.verify(repository, allowedSignersConfig(file), parsed);
        } catch (IOException | RuntimeException e) {
            throw new UnverifiedHeadException(commit.name(), "its signature cannot be checked: " + e.getMessage());
        }
        if (verification == null) {
            throw new UnverifiedHeadException(commit.name(), "its signature is not an SSH signature");
        }
        if (!verification.verified()) {
            String why = verification.message() == null ? "the signature does not verify" : verification.message();
            throw new UnverifiedHeadException(commit.name(), why + " (key " + verification.keyFingerprint() + ")");
        }
        return Optional.ofNullable(verification.keyUser());
    }

    /**
     * Checks the commit checked out ({@code HEAD}) in the repository that holds {@code directory},
     * as {@code validate --verify} does in a pull request's pipeline.
     *
     * @return the full id of that commit and who signed it
     */
    public SignedHead checkCheckout(Path directory) throws GitException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(directory.toFile());
        if (builder.getGitDir() == null) {
            throw new GitException(directory + " is not inside a Git repository");
        }
        try (Repository repository = builder.build()) {
            ObjectId head = repository.resolve("HEAD^{commit}");
            if (head == null) {
                throw new GitException(directory + ": HEAD names no commit");
            }
            return new SignedHead(head.name(), check(repository, head));
        } catch (IOException e) {
            throw new GitException("cannot open the Git repository of " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A verified head: its id, and the principal the allowed-signers file lists for its key. */
    public record SignedHead(String revision, Optional<String> signer) {
    }

    private static GpgConfig allowedSignersConfig(Path file) {
        Config config = CommitSigner.sshFormatConfig();
        config.setString("gpg", "ssh", "allowedSignersFile", file.toAbsolutePath().toString());
        return new GpgConfig(config);
    }
}
