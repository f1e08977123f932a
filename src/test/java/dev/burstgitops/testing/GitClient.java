package dev.burstgitops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A second client of a remote: a person using the real {@code git} command line to clone, change,
 * commit and push, for instance between the controller's refresh and its push.
 */
public final class GitClient {

    private final Path workTree;
    private final String branch;

    private GitClient(Path workTree, String branch) {
        this.workTree = workTree;
        this.branch = branch;
    }

    /** Clones {@code remote} (a path or a URL, credentials included for http) into {@code dir}. */
    public static GitClient clone(String remote, Path dir, String branch) {
        GitRemotes.createDirectories(dir.getParent());
        GitCli.run(dir.getParent(), "clone", "--quiet", "--branch", branch, remote, dir.toString());
        return new GitClient(dir, branch);
    }

    public Path workTree() {
        return workTree;
    }

    public GitClient write(String path, String content) {
        try {
            Path file = workTree.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GitClient delete(String path) {
        GitCli.run(workTree, "rm", "--quiet", path);
        return this;
    }

    /** Commits everything changed, dated now; returns the new commit's full id. */
    public String commit(GitAuthor author, String message) {
        return commit(author, message, Instant.now());
    }

    /** Commits everything changed with author and committer dated {@code when}. */
    public String commit(GitAuthor author, String message, Instant when) {
        GitCli.run(workTree, "add", "--all");
        GitCli.run(workTree, author.environment(when), "commit", "--quiet", "--message", message);
        return head();
    }

    /** Pushes without force; fails the test when the remote refuses. */
    /** A commit signed with the SSH key {@code signingKey}, as {@code git commit -S} with {@code gpg.format=ssh}. */
    public String commitSigned(GitAuthor author, String message, Path signingKey) {
        GitCli.run(workTree, "add", "--all");
        GitCli.run(workTree, author.environment(Instant.now()), "-c", "gpg.format=ssh",
                "-c", "user.signingkey=" + signingKey, "commit", "--quiet", "-S", "--message", message);
        return head();
    }

    public void push() {
        GitCli.run(workTree, "push", "--quiet", "origin", "HEAD:refs/heads/" + branch);
    }

    /** Brings this clone up to the remote branch, fast-forward only. */
    public void pull() {
        GitCli.run(workTree, "pull", "--quiet", "--ff-only", "origin", branch);
    }

    public String commitAndPush(GitAuthor author, String message) {
        String id = commit(author, message);
        push();
        return id;
    }

    public String head() {
        return GitCli.run(workTree, "rev-parse", "HEAD").strip();
    }

    /** Runs any other git command in this clone. */
    public String git(String... args) {
        return GitCli.run(workTree, Map.of(), args);
    }
}
