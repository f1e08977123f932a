package dev.burstgitops.gitops;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repository at one revision, exported into a directory of its own, shared by every cluster
 * rendering that revision. Counted: the sync loop holds it while it is the head, each queued or
 * running cluster pass while it renders; the last {@link #release()} deletes the directory.
 */
public final class RevisionTree {

    private static final Logger LOG = LoggerFactory.getLogger(RevisionTree.class);

    private final String revision;
    private final Path root;
    private final Trailers trailers;
    private int references = 1;

    /** @param root an exported tree, now owned by this object; the caller holds the first reference */
    RevisionTree(String revision, Path root, Trailers trailers) {
        this.revision = revision;
        this.root = root;
        this.trailers = trailers;
    }

    public String revision() {
        return revision;
    }

    /** The trailers of the commit's message ({@code Prune-Confirmed: 3}). */
    public Trailers trailers() {
        return trailers;
    }

    /** The repository root at {@link #revision()}; valid while a reference is held. */
    public Path root() {
        return root;
    }

    /** Another holder; each {@code retain} is paired with one {@link #release()}. */
    public synchronized RevisionTree retain() {
        if (references == 0) {
            throw new IllegalStateException("tree of " + revision + " is already deleted");
        }
        references++;
        return this;
    }

    public synchronized void release() {
        if (references == 0) {
            throw new IllegalStateException("tree of " + revision + " released more often than retained");
        }
        if (--references == 0) {
            delete(root);
        }
    }

    /** Deletes a tree without following its symbolic links, which may point anywhere. */
    static void delete(Path directory) {
        if (!Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Only disk space is lost; the next start clears the whole directory of trees.
            LOG.warn("cannot delete the exported tree {}: {}", directory, e.toString());
        }
    }
}
