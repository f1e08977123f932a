package dev.burstgitops.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.util.FS;

/**
 * Gives JGit a home directory it can write, before anything touches Git. JGit stores what it
 * measures of the file system in {@code ~/.config/jgit/config} and takes {@code ~} from the
 * {@code user.home} property (the passwd entry), not from {@code HOME}. The image's user has the
 * home {@code /nonexistent} on a read-only root filesystem, so JGit logged an ERROR with a stack
 * trace at the first Git operation of every process, and measured again each time. This points
 * JGit — only JGit: {@code user.home} stays as it is — at {@code HOME} when that is a writable
 * directory (the Deployment sets {@code HOME=/tmp}), else at the temp directory.
 */
final class JGitHome {

    private JGitHome() {
    }

    /** Sets JGit's home when {@code user.home} will not do; call before any Git operation. */
    static void configure() {
        choose(System.getProperty("user.home"), System.getenv("HOME"), System.getProperty("java.io.tmpdir"))
                .ifPresent(home -> FS.DETECTED.setUserHome(home.toFile()));
    }

    /**
     * The home JGit should use instead of {@code userHome}, or empty when {@code userHome} is a
     * writable directory and JGit may keep it.
     */
    static Optional<Path> choose(String userHome, String home, String tmpdir) {
        if (writableDirectory(userHome)) {
            return Optional.empty();
        }
        if (writableDirectory(home)) {
            return Optional.of(Path.of(home));
        }
        return Optional.of(Path.of(tmpdir));
    }

    private static boolean writableDirectory(String path) {
        if (path == null || path.isBlank()) {
            return false;
        }
        try {
            Path dir = Path.of(path);
            return Files.isDirectory(dir) && Files.isWritable(dir);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
