package dev.burstgitops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Bare Git repositories on disk as remotes, made and read with the real {@code git} command line.
 * Every remote refuses non-fast-forward pushes and accepts smart-HTTP pushes, like a hosted
 * repository with a protected branch.
 */
public final class GitRemotes {

    public static final String BRANCH = "main";
    public static final GitAuthor SEEDER = new GitAuthor("Repository Seeder", "seeder@example.com");
    /** The seed commit's date, fixed so that history tests can reason about "since". */
    public static final Instant SEED_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private static final String FIELD = "%x00";
    private static final String RECORD = "%x1e";

    private GitRemotes() {
    }

    /** A bare repository at {@code bareDir} whose branch {@code main} holds {@code files} in one commit. */
    public static Path createBare(Path bareDir, Map<String, String> files) {
        return createBare(bareDir, BRANCH, files);
    }

    public static Path createBare(Path bareDir, String branch, Map<String, String> files) {
        createEmptyBare(bareDir, branch);
        Path seed = bareDir.resolveSibling(bareDir.getFileName() + ".seed");
        GitCli.run(bareDir.getParent(), "init", "--quiet", "--initial-branch=" + branch, seed.toString());
        files.forEach((path, content) -> write(seed.resolve(path), content));
        GitCli.run(seed, "add", "--all");
        GitCli.run(seed, SEEDER.environment(SEED_TIME), "commit", "--quiet", "--allow-empty", "--message", "seed");
        GitCli.run(seed, "push", "--quiet", bareDir.toString(), "HEAD:refs/heads/" + branch);
        deleteRecursively(seed);
        return bareDir;
    }

    /** A bare repository with no commits at all, its HEAD naming {@code branch}. */
    public static Path createEmptyBare(Path bareDir, String branch) {
        createDirectories(bareDir.getParent());
        GitCli.run(bareDir.getParent(), "init", "--quiet", "--bare", "--initial-branch=" + branch, bareDir.toString());
        GitCli.run(bareDir, "config", "receive.denyNonFastForwards", "true");
        GitCli.run(bareDir, "config", "http.receivepack", "true");
        return bareDir;
    }

    /** Installs {@code hooks/pre-receive} with the given shell script body; exit non-zero to refuse. */
    public static void installPreReceiveHook(Path bareDir, String script) {
        Path hook = bareDir.resolve("hooks/pre-receive");
        write(hook, "#!/bin/sh\n" + script + "\n");
        try {
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The branch's commits newest first, read with {@code git log} as an independent reader. */
    public static List<GitLoggedCommit> log(Path repository, String branch) {
        String format = String.join(FIELD, "%H", "%P", "%an", "%ae", "%at", "%cn", "%ce", "%ct", "%s",
                "%(trailers:only,unfold)") + RECORD;
        String output = GitCli.run(repository, "log", "--format=" + format, "refs/heads/" + branch);
        return Arrays.stream(output.split("\u001e"))
                .map(String::strip)
                .filter(record -> !record.isEmpty())
                .map(GitLoggedCommit::parse)
                .toList();
    }

    public static List<GitLoggedCommit> log(Path repository) {
        return log(repository, BRANCH);
    }

    /** The content of a file at the branch head, read from the repository's object store. */
    /** The branch names of {@code repository}, without {@code refs/heads/}. */
    public static List<String> branches(Path repository) {
        return GitCli.run(repository, "for-each-ref", "--format=%(refname:short)", "refs/heads/").lines().toList();
    }

    public static String show(Path repository, String branch, String path) {
        return GitCli.run(repository, "show", "refs/heads/" + branch + ":" + path);
    }

    public static String show(Path repository, String path) {
        return show(repository, BRANCH, path);
    }

    static void write(Path file, String content) {
        try {
            createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
