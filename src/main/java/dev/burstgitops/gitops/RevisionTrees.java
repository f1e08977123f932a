package dev.burstgitops.gitops;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports each revision the sync loop fetches into a directory of its own below {@code base}, so
 * that the clusters render it on their own threads while the loop fetches and resets its working
 * copy again. A revision is exported once and shared by every cluster; the tree of the head before
 * is deleted once the last cluster rendering it lets go. Used by the sync loop's thread only, the
 * one that owns the workspace.
 */
public final class RevisionTrees implements AutoCloseable {

    private final GitWorkspace workspace;
    private final Path base;
    private final AtomicLong exports = new AtomicLong();
    private RevisionTree head;

    /** Clears {@code base}: trees a stopped process left behind are no one's. */
    public RevisionTrees(GitWorkspace workspace, Path base) {
        this.workspace = workspace;
        this.base = base;
        RevisionTree.delete(base);
    }

    /** The directory of trees beside a working copy: {@code <checkout>.revisions}. */
    public static Path besides(Path checkout) {
        return checkout.resolveSibling(checkout.getFileName() + ".revisions");
    }

    /** The tree of {@code revision}, exported unless it is the head already; the loop holds it until the next head. */
    public RevisionTree of(String revision) throws GitException {
        if (head != null && head.revision().equals(revision)) {
            return head;
        }
        // A name of its own per export: the same revision may come back (a revert by force push)
        // while a cluster still renders the directory of its first export.
        Path target = base.resolve(revision + "-" + exports.incrementAndGet());
        Trailers trailers = CommitTrailers.of(workspace.directory(), revision);
        try {
            workspace.exportTree(revision, target);
        } catch (GitException | RuntimeException e) {
            RevisionTree.delete(target);
            throw e;
        }
        if (head != null) {
            head.release();
        }
        head = new RevisionTree(revision, target, trailers);
        return head;
    }

    @Override
    public void close() {
        if (head != null) {
            head.release();
            head = null;
        }
    }
}
