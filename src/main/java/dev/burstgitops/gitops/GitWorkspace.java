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

    /**
     * Writes the whole tree of {@code revision}, a commit fetched by {@link #refresh()}, from the
     * object database into the new directory {@code target}: a copy that later refreshes leave alone.
     * The sync loop renders from such copies; a workspace that never feeds one need not export.
     */
    default void exportTree(String revision, Path target) throws GitException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot export trees");
    }

    /** Commits exactly the request's paths on the branch and pushes without force. */
    PushOutcome commitAndPush(CommitRequest request) throws GitException;
}
