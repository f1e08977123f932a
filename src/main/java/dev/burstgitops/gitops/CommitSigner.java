package dev.burstgitops.gitops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.api.errors.UnsupportedSigningFormatException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectBuilder;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.lib.Signers;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * Signs the controller's commits with an SSH key ({@code git.signing.sshKeyFile}): the signature
 * {@code git commit -S} makes with {@code gpg.format=ssh}, so that C git's {@code verify-commit},
 * forges and this controller's own {@link HeadVerifier} can tell its decisions from anyone else's
 * pushes. Or, without a key, signs nothing.
 *
 * <p>The key file is read at every signature, so a rotated Secret is used from the next commit.
 * Messages name the file, never its content.
 */
public final class CommitSigner {

    private static final CommitSigner NONE = new CommitSigner(Optional.empty());

    private final Optional<Path> keyFile;

    private CommitSigner(Optional<Path> keyFile) {
        this.keyFile = keyFile;
    }

    public static CommitSigner none() {
        return NONE;
    }

    /** Signs with the OpenSSH private key in {@code keyFile} (unencrypted, as deploy keys are). */
    public static CommitSigner sshKey(Path keyFile) {
        return new CommitSigner(Optional.of(Objects.requireNonNull(keyFile, "keyFile")));
    }

    public boolean signs() {
        return keyFile.isPresent();
    }

    /** Makes {@code commit} signed, or explicitly unsigned whatever a gitconfig says. */
    CommitCommand applyTo(CommitCommand commit) throws GitException {
        if (keyFile.isEmpty()) {
            return commit.setSign(false);
        }
        return commit.setSign(true)
                .setSigner(signer())
                .setGpgConfig(sshFormat())
                .setSigningKey(readableKey().toString());
    }

    /** Adds the signature header to a commit object about to be inserted. */
    void sign(Repository repository, ObjectBuilder commit, PersonIdent committer) throws GitException {
        if (keyFile.isEmpty()) {
            return;
        }
        try {
            signer().signObject(repository, sshFormat(), commit, committer, readableKey().toString(), null);
        } catch (GitException e) {
            throw e;
        } catch (Exception e) {
            throw failed(e);
        }
    }

    /** What failed when signing, for {@link JGitWorkspace}'s commit command. */
    GitException failed(Exception cause) {
        return new GitException("cannot sign the commit with git.signing.sshKeyFile " + keyFile.orElseThrow() + ": "
                + cause.getMessage(), cause);
    }

    private Path readableKey() throws GitException {
        Path key = keyFile.orElseThrow();
        if (!Files.isReadable(key)) {
            throw new GitException("cannot sign the commit: git.signing.sshKeyFile " + key
                    + " does not exist or cannot be read");
        }
        return key;
    }

    private static Signer signer() throws GitException {
        Signer signer = Signers.get(GpgConfig.GpgFormat.SSH);
        if (signer == null) {
            // JGit finds its SSH signer through the service loader; a jar built without that
            // service file would silently sign nothing, so say so instead.
            throw new GitException("cannot sign: JGit's SSH signer (org.eclipse.jgit.ssh.apache) is not on the class path");
        }
        return new Recognisable(signer);
    }

    /**
     * Why a commit failed, when it was the signature: JGit's commit command wraps what its signer
     * throws (a key it cannot parse, say) into a generic "exception caught during execution".
     */
    static Optional<Exception> signingFailure(Throwable commitFailure) {
        return commitFailure.getCause() instanceof SigningFailed failed ? Optional.of((Exception) failed.getCause())
                : Optional.empty();
    }

    /** Marks what the signer throws, so that {@link #signingFailure} can tell it apart. */
    private static final class SigningFailed extends IOException {
        SigningFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private record Recognisable(Signer delegate) implements Signer {
        @Override
        public GpgSignature sign(Repository repository, GpgConfig config, byte[] data, PersonIdent committer,
                                 String signingKey, CredentialsProvider credentials)
                throws CanceledException, UnsupportedSigningFormatException, SigningFailed {
            try {
                return delegate.sign(repository, config, data, committer, signingKey, credentials);
            } catch (CanceledException | UnsupportedSigningFormatException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new SigningFailed(e);
            }
        }

        @Override
        public boolean canLocateSigningKey(Repository repository, GpgConfig config, PersonIdent committer,
                                           String signingKey, CredentialsProvider credentials)
                throws CanceledException {
            return delegate.canLocateSigningKey(repository, config, committer, signingKey, credentials);
        }
    }

    static GpgConfig sshFormat() {
        return new GpgConfig(sshFormatConfig());
    }

    /** {@code gpg.format=ssh}, and nothing from any gitconfig on the machine. */
    static Config sshFormatConfig() {
        Config config = new Config();
        config.setString("gpg", null, "format", "ssh");
        return config;
    }
}
