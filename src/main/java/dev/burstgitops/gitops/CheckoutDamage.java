package dev.burstgitops.gitops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Looks for the damage a killed process or a bad disk leaves in a checkout: a stale lock, an
 * unreadable index, missing or unreadable objects. Asked only after a refresh failed, to tell a
 * broken working copy (which a fresh clone heals) from a failing remote (which it would not).
 *
 * <p>A lock counts as stale because nothing else writes this checkout: one workspace owns its
 * directory in this process (commands use directories of their own), and JGit releases every
 * lock it takes before its call returns (garbage collection runs inside the fetch, not detached,
 * see {@link JGitCheckout}). A lock found between passes was left by a process that
 * died holding it ({@code kill -9}, an OOM kill, a node lost mid-write).
 */
final class CheckoutDamage {

    // Not gc.log.lock and the like: garbage collection's own locks never stop a refresh.
    private static final List<String> TOP_LEVEL_LOCKS =
            List.of("index.lock", "HEAD.lock", "config.lock", "packed-refs.lock", "shallow.lock");

    private CheckoutDamage() {
    }

    /** What is wrong with the checkout, for a log line; empty when nothing is found. */
    static Optional<String> find(Repository repository, String trackingRef) {
        Path gitDir = repository.getDirectory().toPath();
        try {
            Optional<Path> lock = staleLock(gitDir);
            if (lock.isPresent()) {
                return Optional.of("stale lock " + gitDir.getParent().relativize(lock.get()));
            }
            Optional<String> index = unreadableIndex(repository, gitDir);
            if (index.isPresent()) {
                return index;
            }
            ObjectId head = repository.resolve(Constants.HEAD);
            for (ObjectId commit : Stream.of(head, repository.resolve(trackingRef)).filter(Objects::nonNull).toList()) {
                Optional<String> missing = missingObject(repository, commit);
                if (missing.isPresent()) {
                    return missing;
                }
            }
            return Optional.empty();
        } catch (MissingObjectException e) {
            return Optional.of("object " + e.getObjectId().name() + " is missing");
        } catch (IOException | RuntimeException e) {
            // Refs or objects that cannot even be read are damage too; JGit says which.
            return Optional.of("the repository cannot be read: " + e.getMessage());
        }
    }

    /** The locks a refresh takes: the index, HEAD, the config and the refs (loose or packed). */
    private static Optional<Path> staleLock(Path gitDir) throws IOException {
        for (String name : TOP_LEVEL_LOCKS) {
            if (Files.isRegularFile(gitDir.resolve(name))) {
                return Optional.of(gitDir.resolve(name));
            }
        }
        Path refs = gitDir.resolve(Constants.R_REFS);
        if (!Files.isDirectory(refs)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(refs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".lock")).filter(Files::isRegularFile)
                    .findFirst();
        }
    }

    // A missing index is no damage: JGit reads it as empty and a hard reset writes it anew.
    private static Optional<String> unreadableIndex(Repository repository, Path gitDir) {
        if (!Files.exists(gitDir.resolve("index"))) {
            return Optional.empty();
        }
        try {
            repository.readDirCache();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("the index .git/index cannot be read: " + e.getMessage());
        }
    }

    /** Every object a hard reset to this commit reads: the commit, its tree, all blobs below. */
    private static Optional<String> missingObject(Repository repository, ObjectId commitId) throws IOException {
        try (ObjectReader reader = repository.newObjectReader();
             RevWalk walk = new RevWalk(reader);
             TreeWalk tree = new TreeWalk(reader)) {
            RevCommit commit = walk.parseCommit(commitId);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (!tree.isSubtree() && !tree.getFileMode(0).equals(FileMode.GITLINK)
                        && !reader.has(tree.getObjectId(0))) {
                    return Optional.of("object " + tree.getObjectId(0).name() + " (" + tree.getPathString()
                            + ") is missing");
                }
            }
        }
        return Optional.empty();
    }
}
