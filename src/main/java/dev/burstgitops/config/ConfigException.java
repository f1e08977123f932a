package dev.burstgitops.config;

import java.util.List;

/**
 * The configuration cannot be used. Each problem is one line that names the file, the line
 * where known, and the key path: {@code burst-gitops.yaml:23: policies[0].exitBelow: must be
 * below enterAbove (15)}. All problems are reported at once so a person fixes them in one go.
 */
public class ConfigException extends Exception {

    private final transient List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
