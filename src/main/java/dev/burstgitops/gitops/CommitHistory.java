package dev.burstgitops.gitops;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Reads the branch's history for commits that carry a trailer. The controller finds the time of
 * the last mode change here (so a cooldown survives a restart), and {@code history} prints the
 * timeline from it. It knows trailers, not what they mean.
 */
public final class CommitHistory {

    private final Path repositoryDir;
    private final String branch;

    /**
     * @param repositoryDir a working copy (such as {@link GitWorkspace#directory()}) or a bare repository
     * @param branch the branch to walk: its remote-tracking ref when there is one, else the local branch
     */
    public CommitHistory(Path repositoryDir, String branch) {
        this.repositoryDir = Objects.requireNonNull(repositoryDir, "repositoryDir");
        this.branch = Objects.requireNonNull(branch, "branch");
    }

    /** Matching commits, newest first. */
    public List<HistoryCommit> find(HistoryQuery query) throws GitException {
        // Git.open takes the directory itself or its .git, never a parent: no surprise repository.
        try (Git git = Git.open(repositoryDir.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            Repository repository = git.getRepository();
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(walk.parseCommit(head(repository)));
            List<HistoryCommit> found = new ArrayList<>();
            for (RevCommit commit : walk) {
                HistoryCommit candidate = HistoryCommit.of(commit);
                // Sorted by commit time, so everything after the first too-old commit is older still.
                if (query.isBeforeSince(candidate.time())) {
                    break;
                }
                if (query.matches(candidate.trailers())) {
                    found.add(candidate);
                    if (found.size() == query.limit()) {
                        break;
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new GitException("cannot read the history of " + branch + " in " + repositoryDir, e);
        }
    }

    private ObjectId head(Repository repository) throws IOException, GitException {
        for (String ref : List.of(Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + branch,
                Constants.R_HEADS + branch)) {
            ObjectId id = repository.resolve(ref);
            if (id != null) {
                return id;
            }
        }
        throw new GitException("no branch '" + branch + "' in " + repositoryDir);
    }
}
