package dev.burstgitops.config;

import java.util.Arrays;

/**
 * Paths inside the GitOps repository, as the configuration names them. They must be plain
 * relative paths: Git stages {@code apps/x.yaml} but not {@code ./apps/x.yaml}, so a path that
 * only resolves to the right file would be edited and then never committed.
 */
final class RepositoryPath {

    private RepositoryPath() {
    }

    /** Checks {@code key}'s value; reports a problem and returns false when it is not plain. */
    static boolean check(YamlSection section, String key, String path) {
        if (path == null) {
            return false;
        }
        boolean plain = !path.startsWith("/") && !path.contains("\\")
                && Arrays.stream(path.split("/", -1)).noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
        if (!plain) {
            section.problem(key, "must be a plain path relative to the repository root, like apps/istio/vs.yaml "
                    + "(no leading /, no ./ or ../, no //), not '" + path + "'");
        }
        return plain;
    }
}
