package dev.burstgitops.gitops;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefLeaseSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proposes a change on one policy's side branch ({@code burst-gitops/<policy>}) from the shared
 * checkout: the commit is built on the base head without moving any local ref, and pushed with
 * force — the only force the controller ever uses — leased on the value last fetched, so a
 * branch someone else moved meanwhile is never overwritten unseen. The base branch is never pushed.
 */
final class SideBranchPush {

    static final String PREFIX = "burst-gitops/";
    private static final Logger LOG = LoggerFactory.getLogger(SideBranchPush.class);

    private final JGitWorkspace workspace;
    private final String branch;
    private final String remoteRef;
    private final String trackingRef;

    SideBranchPush(JGitWorkspace workspace, String policy) {
        this.workspace = workspace;
        this.branch = PREFIX + policy;
        if (!Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new IllegalArgumentException("policy name '" + policy + "' makes no valid branch name");
        }
        this.remoteRef = Constants.R_HEADS + branch;
        this.trackingRef = Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + branch;
    }

    String branch() {
        return branch;
    }

    /** Fetches the side branch; empty when the remote has none. Call after {@link JGitWorkspace#refresh()}. */
    Optional<SideBranchHead> read() throws GitException {
        Git git = workspace.git();
        RemoteAccess access = RemoteAccess.to(workspace.remote());
        try {
            // A wildcard, because fetching one exact ref the remote lacks is an error; pruning drops
            // the tracking ref of a branch deleted on the remote (after a merge, say).
            access.apply(git.fetch()
                    .setRemote(Constants.DEFAULT_REMOTE_NAME)
                    .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + PREFIX + "*:"
                            + Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + PREFIX + "*"))
                    .setRemoveDeletedRefs(true))
                    .call();
        } catch (GitAPIException | JGitInternalException e) {
            throw access.failed("fetch of " + branch + " from", e);
        }
        return headOf(git.getRepository());
    }

    /**
     * Stages {@code request} in the working tree (which {@code change} has just edited on
     * {@code baseHead}); empty when the base already holds it.
     */
    Optional<ProposalStaged> stage(CommitRequest request, String baseHead) throws GitException {
        Repository repository = workspace.git().getRepository();
        StagedCommit staged = new StagedCommit(repository);
        workspace.stage(request);
        ObjectId base = ObjectId.fromString(baseHead);
        ObjectId tree = staged.stagedTree();
        if (tree.equals(staged.treeOf(base))) {
            return Optional.empty();
        }
        return Optional.of(new ProposalStaged(base, tree, request.message().format(),
                ProposalKey.of(repository, tree, request.paths())));
    }

    /** Pushes {@code proposal} as one commit on the base head, unless {@code seen} already proposes exactly it. */
    SideBranchOutcome propose(ProposalStaged proposal, Optional<SideBranchHead> seen) throws GitException {
        if (seen.isPresent() && seen.get().proposes(proposal.tree(), proposal.base())) {
            LOG.debug("{} already proposes this change at {}", branch, seen.get().commit().abbreviate(7).name());
            return new SideBranchOutcome.OnSideBranch(seen.get().commit().name(), seen.get().message(), proposal.key(),
                    false);
        }
        if (seen.isPresent() && !isOwn(seen.get())) {
            throw new GitException(branch + " holds " + seen.get().commit().abbreviate(7).name() + " by "
                    + seen.get().committerName() + ", not the controller's own proposal; not overwriting it: merge "
                    + "or close its pull request, or delete the branch, and the controller proposes again");
        }
        StagedCommit staged = new StagedCommit(workspace.git().getRepository());
        ObjectId commit = staged.commit(proposal.base(), proposal.tree(), proposal.message(), workspace.identNow(),
                workspace.signer());
        return pushWithLease(commit, proposal, seen.map(SideBranchHead::commit).orElse(ObjectId.zeroId()));
    }

    /**
     * Deletes the side branch once its pull request is done with (merged, or closed), leased on
     * {@code seen}; a branch holding anyone else's commits is kept, since deleting it would lose
     * their work. Housekeeping only: a refusal is logged, and the next proposal pushes over it.
     */
    void delete(SideBranchHead seen) throws GitException {
        if (!isOwn(seen)) {
            LOG.info("keeping {}: it holds {} by {}, not only the controller's own proposal", branch,
                    seen.commit().abbreviate(7).name(), seen.committerName());
            return;
        }
        Iterable<PushResult> results;
        RemoteAccess access = RemoteAccess.to(workspace.remote());
        try {
            results = access.apply(workspace.git().push()
                    .setRemote(Constants.DEFAULT_REMOTE_NAME)
                    .setRefSpecs(new RefSpec(":" + remoteRef))
                    .setRefLeaseSpecs(new RefLeaseSpec(remoteRef, seen.commit().name())))
                    .call();
        } catch (GitAPIException | JGitInternalException e) {
            throw access.failed("deletion of " + branch + " on", e);
        }
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getStatus() != RemoteRefUpdate.Status.OK
                        && update.getStatus() != RemoteRefUpdate.Status.NON_EXISTING) {
                    LOG.warn("{} not deleted on {}: {}{}", branch, workspace.remote().displayUrl(), update.getStatus(),
                            update.getMessage() == null ? "" : " (" + update.getMessage() + ")");
                    return;
                }
            }
        }
        LOG.info("deleted {} (was {}) on {}", branch, seen.commit().abbreviate(7).name(), workspace.remote().displayUrl());
    }

    private boolean isOwn(SideBranchHead seen) {
        return seen.isOwnProposal(workspace.identNow().getEmailAddress());
    }

    /** Puts index and working tree back to the base head (HEAD never left the base branch). */
    void restore(String baseHead) throws GitException {
        Git git = workspace.git();
        try {
            git.reset().setMode(ResetType.HARD).setRef(baseHead).call();
            git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
        } catch (GitAPIException | JGitInternalException e) {
            throw new GitException("cannot reset " + workspace.directory() + " to " + baseHead, e);
        }
    }

    private SideBranchOutcome pushWithLease(ObjectId commit, ProposalStaged proposal, ObjectId expected)
            throws GitException {
        Iterable<PushResult> results;
        RemoteAccess access = RemoteAccess.to(workspace.remote());
        try {
            results = access.apply(workspace.git().push()
                    .setRemote(Constants.DEFAULT_REMOTE_NAME)
                    .setRefSpecs(new RefSpec(commit.name() + ":" + remoteRef).setForceUpdate(true))
                    // The zero id leases on "absent": creating the branch fails if someone else just did.
                    .setRefLeaseSpecs(new RefLeaseSpec(remoteRef, expected.name())))
                    .call();
        } catch (GitAPIException | JGitInternalException e) {
            throw access.failed("push of " + branch + " to", e);
        }
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                SideBranchOutcome refused = refusal(update, expected);
                if (refused != null) {
                    return refused;
                }
            }
        }
        LOG.info("proposed {} on {} of {}", commit.abbreviate(7).name(), branch, workspace.remote().displayUrl());
        return new SideBranchOutcome.OnSideBranch(commit.name(), proposal.message(), proposal.key(), true);
    }

    private SideBranchOutcome refusal(RemoteRefUpdate update, ObjectId expected) throws GitException {
        String detail = update.getMessage() == null ? "" : ": " + update.getMessage();
        switch (update.getStatus()) {
            case OK:
            case UP_TO_DATE:
                return null;
            case REJECTED_REMOTE_CHANGED:
                return new SideBranchOutcome.Rejected(expected.equals(ObjectId.zeroId())
                        ? branch + " was created by someone else since we fetched" + detail
                        : branch + " moved since we fetched it at " + expected.abbreviate(7).name() + detail);
            case REJECTED_NONFASTFORWARD:
                throw refusesForcePush(detail);
            case REJECTED_OTHER_REASON:
                if (detail.contains("non-fast-forward")) {
                    throw refusesForcePush(detail);
                }
                return new SideBranchOutcome.Rejected("rejected by the remote" + detail);
            default:
                throw new GitException("push of " + branch + " to " + workspace.remote().displayUrl() + " ended as "
                        + update.getStatus() + detail);
        }
    }

    // Retrying cannot help here: someone must change the remote's branch protection.
    private GitException refusesForcePush(String detail) {
        return new GitException(workspace.remote().displayUrl() + " refuses to let the controller replace " + branch
                + detail + ": allow force pushes to " + PREFIX + "* (the base branch can stay protected)");
    }

    private Optional<SideBranchHead> headOf(Repository repository) throws GitException {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(trackingRef);
            if (id == null) {
                return Optional.empty();
            }
            RevCommit commit = walk.parseCommit(id);
            return Optional.of(new SideBranchHead(commit.copy(),
                    Arrays.stream(commit.getParents()).map(RevCommit::copy).toList(),
                    commit.getTree().copy(), commit.getFullMessage(), commit.getCommitterIdent().getName(),
                    commit.getCommitterIdent().getEmailAddress()));
        } catch (IOException e) {
            throw new GitException("cannot read " + trackingRef + " in " + workspace.directory(), e);
        }
    }
}
