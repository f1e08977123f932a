package dev.burstgitops.controller;

import dev.burstgitops.testing.GitCli;
import java.nio.file.Path;
import java.util.List;

/** Reads a remote with the git command line, the independent second client. */
final class GitCliLog {

    private GitCliLog() {
    }

    static String body(Path repository, String commit) {
        return GitCli.run(repository, "log", "-1", "--format=%B", commit);
    }

    static List<String> files(Path repository, String branch) {
        return List.of(GitCli.run(repository, "ls-tree", "-r", "--name-only", branch).split("\n"));
    }
}
