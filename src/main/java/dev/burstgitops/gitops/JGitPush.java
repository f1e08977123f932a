package dev.burstgitops.gitops;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * One push without force, read ref by ref: JGit reports a refused update in
 * {@link RemoteRefUpdate#getStatus()}, not as an exception, so every status is checked.
 */
final class JGitPush {

    private JGitPush() {
    }

    static PushOutcome push(Git git, GitRemote remote, RefSpec refSpec, RevCommit commit) throws GitException {
        Iterable<PushResult> results;
        RemoteAccess access = RemoteAccess.to(remote);
        try {
            results = access.apply(git.push()
                    .setRemote(Constants.DEFAULT_REMOTE_NAME)
                    .setRefSpecs(refSpec.setForceUpdate(false))
                    .setForce(false))
                    .call();
        } catch (GitAPIException | JGitInternalException e) {
            throw access.failed("push to", e);
        }
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                PushOutcome refused = refusal(update, remote);
                if (refused != null) {
                    return refused;
                }
            }
        }
        return new PushOutcome.Pushed(commit.name());
    }

    /** Null when the ref was updated; a rejection the caller may retry; an exception otherwise. */
    private static PushOutcome refusal(RemoteRefUpdate update, GitRemote remote) throws GitException {
        String detail = update.getMessage() == null ? "" : ": " + update.getMessage();
        return switch (update.getStatus()) {
            case OK, UP_TO_DATE -> null;
            case REJECTED_NONFASTFORWARD -> new PushOutcome.Rejected(
                    "non-fast-forward: " + update.getRemoteName() + " has commits we have not fetched" + detail);
            case REJECTED_REMOTE_CHANGED -> new PushOutcome.Rejected(
                    update.getRemoteName() + " changed while pushing" + detail);
            case REJECTED_OTHER_REASON -> new PushOutcome.Rejected("rejected by the remote" + detail);
            case NOT_ATTEMPTED, REJECTED_NODELETE, NON_EXISTING, AWAITING_REPORT -> throw new GitException(
                    "push of " + update.getRemoteName() + " to " + remote.displayUrl() + " ended as "
                            + update.getStatus() + detail);
        };
    }
}
