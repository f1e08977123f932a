package dev.burstgitops.gitops;

import java.io.IOException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Turns the staged index into a tree and a commit object without moving any ref: the local base
 * branch and HEAD stay where the refresh put them, so nothing that reads the checkout (history,
 * the sync loop) ever sees a proposal as if it were deployed.
 */
final class StagedCommit {

    private final Repository repository;

    StagedCommit(Repository repository) {
        this.repository = repository;
    }

    /** The tree the index holds now. Writing a tree that already exists stores nothing new. */
    ObjectId stagedTree() throws GitException {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCache index = repository.readDirCache();
            ObjectId tree = index.writeTree(inserter);
            inserter.flush();
            return tree;
        } catch (IOException e) {
            throw new GitException("cannot write the staged tree in " + repository.getWorkTree(), e);
        }
    }

    ObjectId treeOf(ObjectId commit) throws GitException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(commit).getTree().getId();
        } catch (IOException e) {
            throw new GitException("cannot read commit " + commit.name() + " in " + repository.getWorkTree(), e);
        }
    }

    /** A commit object with {@code tree} on top of {@code parent}, stored but on no branch yet. */
    ObjectId commit(ObjectId parent, ObjectId tree, String message, PersonIdent ident, CommitSigner signer)
            throws GitException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentId(parent);
        commit.setAuthor(ident);
        commit.setCommitter(ident);
        commit.setMessage(message);
        signer.sign(repository, commit, ident);
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new GitException("cannot write a commit in " + repository.getWorkTree(), e);
        }
    }
}
