package dev.burstgitops.gitops;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The trailers of one fetched commit, read by its id: how a person's commit speaks to the sync
 * pass that applies it (a prune confirmation), not only to {@code history}.
 */
public final class CommitTrailers {

    private CommitTrailers() {
    }

    /** @param repositoryDir a working copy ({@link GitWorkspace#directory()}) that has fetched {@code revision} */
    public static Trailers of(Path repositoryDir, String revision) throws GitException {
        try (Git git = Git.open(repositoryDir.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            return Trailers.of(walk.parseCommit(ObjectId.fromString(revision)));
        } catch (IOException | IllegalArgumentException e) {
            throw new GitException("cannot read commit " + Revisions.shortId(revision) + " in " + repositoryDir, e);
        }
    }
}
