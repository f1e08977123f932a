package dev.burstgitops.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the relative paths a repository names (cluster directories, kustomize resources)
 * and refuses any that leave it. A repository is untrusted input: a {@code ../} or a symbolic
 * link must not make the controller read, and apply, files from elsewhere on the machine, so
 * the check is made on the real path, after every link is followed.
 */
final class RepositoryPaths {

    private final Path root;

    private RepositoryPaths(Path realRoot) {
        this.root = realRoot;
    }

    static RepositoryPaths of(Path repoRoot) throws ManifestException {
        try {
            return new RepositoryPaths(repoRoot.toRealPath());
        } catch (IOException e) {
            throw new ManifestException(SourceLocation.of(repoRoot.toString()),
                    "repository root cannot be read: " + e.getMessage(), e);
        }
    }

    /** The real path of the repository root. */
    Path root() {
        return root;
    }

    /**
     * Resolves {@code reference} against {@code base} (a real directory inside the repository)
     * to the real path of an existing file or directory inside the repository.
     *
     * @param citedAt where the reference is written, for the problem message
     */
    Path resolveExisting(Path base, String reference, SourceLocation citedAt) throws ManifestException {
        if (reference == null || reference.isBlank()) {
            throw new ManifestException(citedAt, "empty path");
        }
        if (reference.contains("://") || reference.startsWith("git@") || reference.startsWith("github.com/")) {
            throw new ManifestException(citedAt, "remote resource '" + reference
                    + "' is not allowed; resources must be relative paths inside the repository");
        }
        Path written = Path.of(reference);
        if (written.isAbsolute()) {
            throw new ManifestException(citedAt, "path '" + reference + "' is absolute; it must be relative");
        }
        Path lexical = base.resolve(written).normalize();
        if (!lexical.startsWith(root)) {
            throw new ManifestException(citedAt, "path '" + reference + "' escapes the repository root");
        }
        if (!Files.exists(lexical)) {
            throw new ManifestException(citedAt, "path '" + reference + "' does not exist");
        }
        return insideOrRefused(lexical, reference, citedAt);
    }

    /** The real path of {@code path}, refused when a symbolic link takes it out of the repository. */
    Path insideOrRefused(Path path, String shownAs, SourceLocation citedAt) throws ManifestException {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new ManifestException(citedAt, "path '" + shownAs + "' cannot be resolved: " + e.getMessage(), e);
        }
        if (!real.startsWith(root)) {
            throw new ManifestException(citedAt, "path '" + shownAs
                    + "' leads outside the repository through a symbolic link");
        }
        return real;
    }

    /** The repository-relative name of a real path inside it, with '/' separators. */
    String relative(Path real) {
        String relative = root.relativize(real).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}
