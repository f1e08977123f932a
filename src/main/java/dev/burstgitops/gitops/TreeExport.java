package dev.burstgitops.gitops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes the tree of one commit, read from the object database, into a directory of its own:
 * a copy of the repository at that revision that no later fetch or reset can change under a
 * reader. Files and symbolic links are written as a checkout would write them (a link keeps its
 * target, so the renderer's own check still refuses one that leads out of the repository);
 * submodules become empty directories. Nothing outside {@code target} is ever written: a tree
 * entry whose path would leave it is refused.
 */
final class TreeExport {

    private TreeExport() {
    }

    static void export(Repository repository, String revision, Path target) throws GitException {
        try (RevWalk commits = new RevWalk(repository); ObjectReader reader = repository.newObjectReader();
             TreeWalk walk = new TreeWalk(repository, reader)) {
            RevCommit commit = commits.parseCommit(ObjectId.fromString(revision));
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            Files.createDirectories(target);
            Path root = target.toRealPath();
            while (walk.next()) {
                Path file = root.resolve(walk.getPathString()).normalize();
                if (!file.startsWith(root) || file.equals(root)) {
                    throw new GitException("commit " + revision + " names a path outside its tree: " + walk.getPathString());
                }
                Files.createDirectories(file.getParent());
                write(reader, walk.getFileMode(0), walk.getObjectId(0), file);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new GitException("cannot export the tree of " + revision + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void write(ObjectReader reader, FileMode mode, ObjectId blob, Path file) throws IOException {
        if (mode == FileMode.GITLINK) {
            Files.createDirectories(file);
        } else if (mode == FileMode.SYMLINK) {
            String linkTarget = new String(reader.open(blob).getBytes(), StandardCharsets.UTF_8);
            Files.createSymbolicLink(file, Path.of(linkTarget));
        } else {
            // Streamed: a large blob is never held in memory whole.
            try (OutputStream out = Files.newOutputStream(file)) {
                reader.open(blob).copyTo(out);
            }
        }
    }
}
