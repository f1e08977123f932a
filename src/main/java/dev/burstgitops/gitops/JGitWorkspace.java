package dev.burstgitops.gitops;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.api.errors.EmptyCommitException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.api.errors.ServiceUnavailableException;
import org.eclipse.jgit.api.errors.UnsupportedSigningFormatException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working copy as a JGit repository in {@link GitRemote#checkoutDir()}, cloned once and
 * reused. It only ever fast-forwards the remote branch: no force push, no merge, no rebase; a
 * conflict is resolved by refreshing and deciding again ({@link ChangePublisher}).
 *
 * <p>Not thread-safe: the one loop that writes decisions owns it.
 */
public final class JGitWorkspace implements GitWorkspace, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JGitWorkspace.class);

    private final GitRemote remote;
    private final CommitIdentity identity;
    private final Clock clock;
    private final GitTrust trust;
    private final String branchRef;
    private final String trackingRef;
    private final GitDeadline deadline;
    private Git git;

    public JGitWorkspace(GitRemote remote, CommitIdentity identity, Clock clock) {
        this(remote, identity, clock, GitTrust.none());
    }

    public JGitWorkspace(GitRemote remote, CommitIdentity identity, Clock clock, GitTrust trust) {
        this(remote, identity, clock, trust, GitDeadline.DEFAULT);
    }

    /** @param timeout how long one fetch (with its clone) or push may take in all ({@code git.timeout}) */
    public JGitWorkspace(GitRemote remote, CommitIdentity identity, Clock clock, GitTrust trust, Duration timeout) {
        this.deadline = new GitDeadline(Objects.requireNonNull(timeout, "timeout"));
        this.remote = Objects.requireNonNull(remote, "remote");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.branchRef = Constants.R_HEADS + remote.branch();
        this.trackingRef = Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + remote.branch();
    }

    /**
     * {@inheritDoc}
     *
     * <p>A checkout damaged between passes (a stale lock left by a killed process, a deleted
     * index, missing objects) is moved aside and cloned afresh, once per call; a refresh that
     * fails for any other reason (the remote, the network, credentials) fails as it is. Nothing
     * is lost by re-cloning: the checkout never holds a commit the remote lacks between passes.
     * A decision commit is pushed in the same pass that makes it, and when the push is refused
     * the next refresh resets it away anyway and the decision is taken again on the new head;
     * proposals live on side branches that are pushed before the pass ends. Edits in the tree
     * are the controller's own and a refresh discards them too.
     *
     * <p>With a {@link HeadVerifier}, a fetched head that is not signed by an allowed key is
     * refused before the working copy moves: it stays at the revision it held, and
     * {@link UnverifiedHeadException} says which head and why.
     */
    @Override
    public String refresh() throws GitException {
        return deadline.run("fetch from " + remote.displayUrl(), this::refreshNow);
    }

    private String refreshNow() throws GitException {
        if (git == null) {
            git = JGitCheckout.openOrClone(remote);
        }
        try {
            return bringToRemoteHead();
        } catch (UnverifiedHeadException refused) {
            throw refused;
        } catch (GitException failure) {
            Optional<String> damage = CheckoutDamage.find(git.getRepository(), trackingRef);
            if (damage.isEmpty()) {
                throw failure;
            }
            recloneAfter(damage.get(), failure);
            return bringToRemoteHead();
        }
    }

    private String bringToRemoteHead() throws GitException {
        fetch();
        ObjectId head = remoteHead();
        trust.verifier().check(git.getRepository(), head);
        trust.verifier().checkDescends(git.getRepository(), takenHead(), head);
        resetTo(head);
        LOG.debug("checkout of {} at {} on {}", remote.displayUrl(), head.abbreviate(7).name(), remote.branch());
        return head.name();
    }

    private void recloneAfter(String damage, GitException failure) throws GitException {
        git.close();
        git = null;
        Path aside = BrokenCheckouts.moveAside(remote.checkoutDir(), clock.instant());
        LOG.warn("checkout {} is damaged ({}) and was moved to {}; cloning {} afresh. The refresh failed with: {}",
                remote.checkoutDir(), damage, aside, remote.displayUrl(), describe(failure));
        git = JGitCheckout.openOrClone(remote);
    }

    @Override
    public Path directory() {
        return remote.checkoutDir();
    }

    @Override
    public void exportTree(String revision, Path target) throws GitException {
        TreeExport.export(git().getRepository(), revision, target);
    }

    @Override
    public PushOutcome commitAndPush(CommitRequest request) throws GitException {
        if (git == null) {
            throw new IllegalStateException("refresh() the workspace before committing");
        }
        stage(request);
        RevCommit commit;
        try {
            PersonIdent ident = identity.at(clock.instant(), clock.getZone());
            commit = trust.signer().applyTo(git.commit()
                    .setMessage(request.message().format())
                    .setAuthor(ident)
                    .setCommitter(ident)
                    .setAllowEmpty(false)
                    // Hooks in the checkout are nobody's policy; the remote's hooks are what count.
                    .setNoVerify(true))
                    .call();
        } catch (EmptyCommitException e) {
            return new PushOutcome.NoChange();
        } catch (ServiceUnavailableException | UnsupportedSigningFormatException | CanceledException e) {
            // What JGit's signer throws: a key it cannot load or use.
            throw trust.signer().failed(e);
        } catch (JGitInternalException e) {
            Optional<Exception> signing = CommitSigner.signingFailure(e);
            if (signing.isPresent()) {
                throw trust.signer().failed(signing.get());
            }
            throw new GitException("cannot commit in " + remote.checkoutDir() + ": " + e.getMessage(), e);
        } catch (GitAPIException e) {
            throw new GitException("cannot commit in " + remote.checkoutDir() + ": " + e.getMessage(), e);
        }
        RevCommit made = commit;
        PushOutcome outcome = deadline.run("push to " + remote.displayUrl(),
                () -> JGitPush.push(git, remote, new RefSpec(branchRef + ":" + branchRef), made));
        if (outcome instanceof PushOutcome.Pushed pushed) {
            LOG.info("pushed {} to {} of {}", pushed.shortId(), remote.branch(), remote.displayUrl());
        }
        return outcome;
    }

    @Override
    public void close() {
        deadline.close();
        if (git != null) {
            git.close();
            git = null;
        }
    }

    private void fetch() throws GitException {
        RemoteAccess access = RemoteAccess.to(remote);
        try {
            access.apply(git.fetch()
                    .setRemote(Constants.DEFAULT_REMOTE_NAME)
                    .setRefSpecs(new RefSpec("+" + branchRef + ":" + trackingRef)))
                    .call();
        } catch (GitAPIException | JGitInternalException e) {
            throw access.failed("fetch from", e);
        }
    }

    private ObjectId remoteHead() throws GitException {
        try {
            ObjectId head = git.getRepository().resolve(trackingRef);
            if (head == null) {
                throw GitErrors.noSuchBranch(remote, null);
            }
            return head;
        } catch (IOException e) {
            throw new GitException("cannot read " + trackingRef + " in " + remote.checkoutDir(), e);
        }
    }

    /** The head this working copy last took (its local branch), or null before the first. */
    private ObjectId takenHead() throws GitException {
        try {
            return git.getRepository().resolve(branchRef);
        } catch (IOException e) {
            throw new GitException("cannot read " + branchRef + " in " + remote.checkoutDir(), e);
        }
    }

    /** Like {@code git checkout -B branch origin/branch && git reset --hard && git clean -fdx}. */
    private void resetTo(ObjectId head) throws GitException {
        Repository repository = git.getRepository();
        try {
            if (!branchRef.equals(repository.getFullBranch())) {
                RefUpdate.Result linked = repository.updateRef(Constants.HEAD).link(branchRef);
                if (linked != RefUpdate.Result.NEW && linked != RefUpdate.Result.FORCED) {
                    throw new GitException("cannot switch " + remote.checkoutDir() + " to " + branchRef + ": " + linked);
                }
            }
            git.reset().setMode(ResetType.HARD).setRef(head.name()).call();
            git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
        } catch (IOException | GitAPIException | JGitInternalException e) {
            throw new GitException("cannot reset " + remote.checkoutDir() + " to " + head.name(), e);
        }
    }

    private static String describe(GitException failure) {
        Throwable cause = failure.getCause();
        return cause == null || cause.getMessage() == null ? failure.getMessage()
                : failure.getMessage() + ": " + GitErrors.withoutUserInfo(cause.getMessage());
    }

    // --- For SideBranchPush, which proposes on a side branch from this same checkout ---

    /** The open repository; valid after {@link #refresh()}. */
    Git git() {
        if (git == null) {
            throw new IllegalStateException("refresh() the workspace before using its repository");
        }
        return git;
    }

    GitRemote remote() {
        return remote;
    }

    /** The workspace's clock reading: the time pull-request decisions are made at. */
    Instant now() {
        return clock.instant();
    }

    /** What proposals on side branches are signed with, as direct commits are. */
    CommitSigner signer() {
        return trust.signer();
    }

    /** Author and committer of a commit made now. */
    PersonIdent identNow() {
        return identity.at(clock.instant(), clock.getZone());
    }

    // Two passes: the first stages new and modified files, the second (update mode) stages deletions.
    // Package-private so that SideBranchPush stages exactly as a direct commit does.
    void stage(CommitRequest request) throws GitException {
        try {
            var add = git.add();
            var update = git.add().setUpdate(true);
            request.paths().forEach(path -> {
                add.addFilepattern(path);
                update.addFilepattern(path);
            });
            add.call();
            update.call();
        } catch (GitAPIException | JGitInternalException e) {
            throw new GitException("cannot stage " + request.paths() + " in " + remote.checkoutDir(), e);
        }
    }
}
