package dev.burstgitops.gitops;

import java.util.List;
import java.util.Objects;

/**
 * What to commit: the repository-relative paths the caller changed in the working tree (a path
 * that no longer exists is committed as a deletion) and the message. Only these paths are staged,
 * so a stray file in the working tree never rides along.
 */
public record CommitRequest(List<String> paths, CommitMessage message) {

    public CommitRequest {
        paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
        Objects.requireNonNull(message, "message");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a commit request names at least one path");
        }
        paths.forEach(CommitRequest::requireRepositoryRelative);
    }

    public static CommitRequest of(CommitMessage message, String... paths) {
        return new CommitRequest(List.of(paths), message);
    }

    private static void requireRepositoryRelative(String path) {
        boolean escapes = path.isBlank() || path.startsWith("/") || path.contains("\\")
                || List.of(path.split("/")).stream().anyMatch(part -> part.equals("..") || part.equals(".git"));
        if (escapes) {
            throw new IllegalArgumentException(
                    "'" + path + "' is not a repository-relative path with forward slashes");
        }
    }
}
