package dev.burstgitops.gitops;

import java.nio.file.Path;

/**
 * A working copy of one branch of the Git remote, where decisions are written and recorded as
 * commits. Every decision is taken on a freshly refreshed tree.
 */
public interface GitWorkspace {

    /**
     * Brings the working tree to exactly the remote branch's latest commit, discarding local
     * commits and edits.
     *
     * @return the full id of the head commit
     */
    String refresh() throws GitException;

    /** The working tree, valid after {@link #refresh()}. */
    Path directory();

    /** Commits exactly the request's paths on the branch and pushes without force. */
    PushOutcome commitAndPush(CommitRequest request) throws GitException;
}
